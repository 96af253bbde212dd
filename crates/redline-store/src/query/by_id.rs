//! Reading one event or one cluster back by row id, and the reports of a cluster: what the
//! server's event page shows.

use super::{
    CLUSTER_COLUMNS, EVENT_COLUMNS, EVENT_FROM, StoredCluster, StoredEvent, event_by_id_sql,
    finish, read_event,
};
use crate::Store;
use crate::error::Result;

impl Store {
    /// The event report with row id `id` (as in [`StoredEvent::id`]), whatever its polarity,
    /// modality or background flag; `None` when there is none.
    pub fn event(&self, id: i64) -> Result<Option<StoredEvent>> {
        let mut stmt = self
            .conn
            .prepare_cached(&event_by_id_sql())
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([id]).map_err(|e| self.sql(e))?;
        match rows.next().map_err(|e| self.sql(e))? {
            Some(r) => {
                let ev = read_event(r).map_err(|e| self.sql(e))?;
                Ok(Some(finish(self, ev)?))
            }
            None => Ok(None),
        }
    }

    /// The cluster (real-world event) with row id `id` (as in [`StoredEvent::cluster_id`]),
    /// with its first report; `None` when there is none.
    pub fn cluster(&self, id: i64) -> Result<Option<StoredCluster>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {CLUSTER_COLUMNS} FROM clusters c WHERE c.id = ?1"
            ))
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query([id]).map_err(|e| self.sql(e))?;
        let Some(r) = rows.next().map_err(|e| self.sql(e))? else {
            return Ok(None);
        };
        let mut first = self
            .conn
            .prepare_cached(&event_by_id_sql())
            .map_err(|e| self.sql(e))?;
        Ok(Some(self.read_cluster(r, &mut first)?))
    }

    /// At most `limit` reports of cluster `cluster_id` (every polarity and modality: a cluster
    /// holds one of each), in the order they were published: by their article's publication
    /// date (undated articles last), then by row id, the order that picks
    /// [`StoredCluster::first`], which comes first. Empty when there is no such cluster;
    /// [`StoredCluster::n_mentions`] says how many there are in all.
    pub fn cluster_reports(&self, cluster_id: i64, limit: usize) -> Result<Vec<StoredEvent>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE e.cluster_id = ?1 \
                 ORDER BY d.published IS NULL, d.published, e.id LIMIT ?2"
            ))
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(rusqlite::params![cluster_id, limit], read_event)
            .map_err(|e| self.sql(e))?;
        let mut out = Vec::new();
        for row in rows {
            let ev = row.map_err(|e| self.sql(e))?;
            out.push(finish(self, ev)?);
        }
        Ok(out)
    }
}
