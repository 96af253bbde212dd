//! Real-world events in the few fields that red-line rules and the third-party component read:
//! one narrow query instead of a full event record per cluster, so that rules can be evaluated
//! over a million events in seconds.

use chrono::NaiveDate;

use super::{json_list, where_clause};
use crate::error::StoreError;
use crate::{EventFilter, Store};

/// A real-world event (a cluster of reports) as its first report codes it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterFact {
    /// The cluster's id.
    pub id: i64,
    /// The first day of the cluster's period.
    pub date: NaiveDate,
    /// The source actor without roles (`RUSMIL` -> `RUS`), as the cluster keys it.
    pub source_base: String,
    /// The target actor without roles; empty when the event has no target.
    pub target_base: String,
    /// The first report's source actor code.
    pub source: String,
    /// Its country.
    pub source_country: Option<String>,
    /// The first report's target actor code, when there is one.
    pub target: Option<String>,
    /// Its country.
    pub target_country: Option<String>,
    /// The first report's CAMEO code.
    pub cameo: String,
    /// The first report's escalation signals.
    pub signals: Vec<String>,
    /// The first report's evidence sentence.
    pub evidence: String,
}

/// The columns of a [`ClusterFact`]: clusters `k`, their first report `ke` and its sentence
/// `ks` (aliases that no filter subquery uses).
const FACT_SELECT: &str = "SELECT k.id, k.date_start, ke.source_code, ke.source_country, \
    ke.target_code, ke.target_country, ke.cameo, ke.signals, ks.text, k.source_base, \
    k.target_base FROM clusters k \
    JOIN events ke ON ke.id = k.first_event_id \
    JOIN sentences ks ON ks.id = ke.sentence_id";

impl Store {
    /// Every dated real-world event up to `to` (all when `None`), with the fields of its first
    /// report, in no particular order: sorting a million clusters in SQL costs five times the
    /// reading, and callers that need an order sort the few fields cheaper. These are the
    /// clusters that [`Store::clusters`] returns for the default filter and that have a start
    /// date; members of a cluster share their polarity and modality, so the cluster's own
    /// columns select them.
    pub fn dated_facts<E>(
        &self,
        to: Option<NaiveDate>,
        each: impl FnMut(ClusterFact) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E>
    where
        E: From<StoreError>,
    {
        let sql = format!(
            "{FACT_SELECT} WHERE k.polarity = 'asserted' AND k.modality = 'actual' \
             AND k.date_start IS NOT NULL AND (?1 IS NULL OR k.date_start <= ?1)"
        );
        let to = to.map(|d| d.format("%Y-%m-%d").to_string());
        self.read_facts(&sql, vec![to.into()], each)
    }

    /// The dated real-world events with at least one report matching `filter`, as
    /// [`Store::clusters`] selects them (`after` and `limit` aside), with the fields of their
    /// first report, in no particular order.
    pub fn dated_cluster_facts<E>(
        &self,
        filter: &EventFilter,
        each: impl FnMut(ClusterFact) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E>
    where
        E: From<StoreError>,
    {
        self.check_text_query(filter)?;
        let (cond, params) = where_clause(filter);
        let sql = format!(
            "{FACT_SELECT} WHERE k.date_start IS NOT NULL \
             AND k.id IN (SELECT e.cluster_id FROM events e {cond})"
        );
        self.read_facts(&sql, params, each)
    }

    fn read_facts<E>(
        &self,
        sql: &str,
        params: Vec<rusqlite::types::Value>,
        mut each: impl FnMut(ClusterFact) -> std::result::Result<(), E>,
    ) -> std::result::Result<usize, E>
    where
        E: From<StoreError>,
    {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.sql(e))?;
        let mut n = 0;
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let get = |e: rusqlite::Error| self.sql(e);
            let date: String = r.get(1).map_err(get)?;
            // Dates are written by this crate as YYYY-MM-DD; a row that is not is skipped, as
            // `StoredCluster::start_date` reads it as undated.
            let Ok(date) = NaiveDate::parse_from_str(&date, "%Y-%m-%d") else {
                continue;
            };
            each(ClusterFact {
                id: r.get(0).map_err(get)?,
                date,
                source_base: r.get(9).map_err(get)?,
                target_base: r.get(10).map_err(get)?,
                source: r.get(2).map_err(get)?,
                source_country: r.get(3).map_err(get)?,
                target: r.get(4).map_err(get)?,
                target_country: r.get(5).map_err(get)?,
                cameo: r.get(6).map_err(get)?,
                signals: json_list(r.get(7).map_err(get)?),
                evidence: r.get(8).map_err(get)?,
            })?;
            n += 1;
        }
        Ok(n)
    }
}
