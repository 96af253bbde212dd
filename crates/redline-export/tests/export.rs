//! The export formats, written through the public writers and read back.

mod fixtures;

use std::collections::HashMap;
use std::path::PathBuf;

use fixtures::{cluster, event_with_tabs, full_event, sparse_event};
use redline_export::{
    CLUSTER_COLUMNS, ClusterWriter, EVENT_COLUMNS, EventWriter, ExportError, ExportOptions, Format,
    GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, Rows,
};
use redline_store::{StoredCluster, StoredEvent};

fn clusters_out(format: Format, options: ExportOptions, rows: &[StoredCluster]) -> String {
    let mut w = ClusterWriter::with_options(format, Vec::new(), options).unwrap();
    for c in rows {
        w.write(c).unwrap();
    }
    assert_eq!(w.rows(), rows.len() as u64);
    String::from_utf8(w.finish().unwrap()).unwrap()
}

fn events_out(format: Format, options: ExportOptions, rows: &[StoredEvent]) -> String {
    let mut w = EventWriter::with_options(format, Vec::new(), options).unwrap();
    for e in rows {
        w.write(e).unwrap();
    }
    String::from_utf8(w.finish().unwrap()).unwrap()
}

/// Splits a TSV line into a column name -> value map, checking the field count.
fn by_name<'a>(line: &'a str, columns: &[&'static str]) -> HashMap<&'static str, &'a str> {
    let fields: Vec<&str> = line.split('\t').collect();
    assert_eq!(fields.len(), columns.len(), "fields in {line:?}");
    columns.iter().copied().zip(fields).collect()
}

/// A file of the shared reference folder, or `None` (with a note) when the folder is absent.
fn reference(name: &str) -> Option<String> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "..",
        "shared",
        "reference",
        name,
    ]
    .iter()
    .collect();
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!(
                "note: {} not readable ({e}); skipping the comparison",
                path.display()
            );
            None
        }
    }
}

#[test]
fn gdelt_row_has_61_fields_each_in_its_column() {
    let out = clusters_out(
        Format::Gdelt,
        ExportOptions::default(),
        &[cluster(10, full_event(7))],
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "one row, no header: {out:?}");
    let row = by_name(lines[0], &GDELT_EVENT_COLUMNS);
    let expected = [
        ("GLOBALEVENTID", "10"),
        ("SQLDATE", "20240305"),
        ("MonthYear", "202403"),
        ("Year", "2024"),
        // ((3 - 1) * 30 + 5) / 365 = 0.1781
        ("FractionDate", "2024.1781"),
        ("Actor1Code", "RUSMIL"),
        ("Actor1Name", "RUSSIAN TROOPS"),
        ("Actor1CountryCode", "RUS"),
        ("Actor1KnownGroupCode", ""),
        ("Actor1Type1Code", "MIL"),
        ("Actor1Type2Code", ""),
        ("Actor2Code", "IGONAT"),
        ("Actor2Name", "NATO"),
        ("Actor2CountryCode", ""),
        ("Actor2KnownGroupCode", "NAT"),
        ("Actor2Type1Code", "IGO"),
        ("IsRootEvent", "0"),
        ("EventCode", "190"),
        ("EventBaseCode", "190"),
        ("EventRootCode", "19"),
        ("QuadClass", "4"),
        ("GoldsteinScale", "-10.0"),
        ("NumMentions", "5"),
        ("NumSources", "3"),
        ("NumArticles", "4"),
        ("AvgTone", ""),
        ("DATEADDED", "20240306081500"),
        ("SOURCEURL", "https://www.example.org/world/attack"),
    ];
    for (name, value) in expected {
        assert_eq!(row[name], value, "column {name}");
    }
    for name in GDELT_EVENT_COLUMNS.iter().filter(|n| n.contains("Geo_")) {
        assert_eq!(row[name], "", "column {name}");
    }
}

#[test]
fn gdelt_row_of_an_undated_untargeted_report() {
    let out = clusters_out(
        Format::Gdelt,
        ExportOptions::default(),
        &[cluster(11, sparse_event(8))],
    );
    let row = by_name(out.trim_end_matches('\n'), &GDELT_EVENT_COLUMNS);
    for name in [
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor2Code",
        "Actor2Name",
    ] {
        assert_eq!(row[name], "", "column {name}");
    }
    assert_eq!(row["IsRootEvent"], "1");
    assert_eq!(row["EventCode"], "1056");
    assert_eq!(row["EventBaseCode"], "105");
    assert_eq!(row["EventRootCode"], "10");
    assert_eq!(row["GoldsteinScale"], "-5.2");
    assert_eq!(row["SOURCEURL"], "notes/brief.txt");
    assert_eq!(row["DATEADDED"], "20240307235959");
}

#[test]
fn gdelt_header_matches_the_schema() {
    let out = clusters_out(
        Format::Gdelt,
        ExportOptions { header: true },
        &[cluster(10, full_event(7))],
    );
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header, GDELT_EVENT_COLUMNS);
    assert_eq!(lines.count(), 1);
    if let Some(schema) = reference("gdelt2_events_schema.csv") {
        let mut reader = csv::Reader::from_reader(schema.as_bytes());
        let names: Vec<String> = reader
            .records()
            .map(|r| r.unwrap().get(0).unwrap().to_string())
            .collect();
        assert_eq!(names, GDELT_EVENT_COLUMNS);
    }
}

#[test]
fn mentions_header_matches_the_schema() {
    let out = events_out(
        Format::Mentions,
        ExportOptions { header: true },
        &[full_event(7)],
    );
    let header: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
    assert_eq!(header, GDELT_MENTION_COLUMNS);
    if let Some(schema) = reference("gdelt2_mentions_schema.tsv") {
        // Columns: index, name, type, mode, description; the first line is a header.
        let names: Vec<&str> = schema
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split('\t').nth(1).unwrap())
            .collect();
        assert_eq!(names, GDELT_MENTION_COLUMNS);
    }
}

#[test]
fn mention_rows_point_into_the_article() {
    let full = full_event(7);
    let out = events_out(
        Format::Mentions,
        ExportOptions::default(),
        std::slice::from_ref(&full),
    );
    let row = by_name(out.trim_end_matches('\n'), &GDELT_MENTION_COLUMNS);
    let expected = [
        ("GLOBALEVENTID", "10".to_string()),
        ("EventTimeDate", "20240306081500".into()),
        ("MentionTimeDate", "20240306081500".into()),
        ("MentionType", "1".into()),
        ("MentionSourceName", "Example News".into()),
        ("MentionIdentifier", "https://www.example.org/world/attack".into()),
        ("SentenceID", "3".into()),
        ("Actor1CharOffset", full.record.source.span[0].to_string()),
        ("Actor2CharOffset", full.record.target.as_ref().unwrap().span[0].to_string()),
        ("ActionCharOffset", full.record.evidence.trigger[0].to_string()),
        ("InRawText", "1".into()),
        ("Confidence", "100".into()),
        ("MentionDocLen", "2048".into()),
        ("MentionDocTone", "".into()),
        ("MentionDocTranslationInfo", "".into()),
        (
            "Extras",
            "event=7;cameo=190;polarity=asserted;modality=actual;background=0;rule=verb.190.attack#1"
                .into(),
        ),
    ];
    for (name, value) in &expected {
        assert_eq!(row[name], value.as_str(), "column {name}");
    }
    // The offsets really are where the mentions start in the article.
    assert_eq!(row["Actor1CharOffset"], "120");
    assert_eq!(row["Actor2CharOffset"], "144");
    assert_eq!(row["ActionCharOffset"], "135");
}

#[test]
fn mention_rows_without_url_cluster_or_target() {
    let mut w = EventWriter::new(Format::Mentions, Vec::new()).unwrap();
    w.write_in_cluster(&sparse_event(8), Some("2024-03-01T10:00:00Z"))
        .unwrap();
    let mut reported = full_event(9);
    reported.publisher = None;
    w.write(&reported).unwrap();
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let sparse = by_name(lines[0], &GDELT_MENTION_COLUMNS);
    assert_eq!(sparse["GLOBALEVENTID"], "");
    assert_eq!(sparse["EventTimeDate"], "20240301100000");
    assert_eq!(sparse["MentionTimeDate"], "20240307235959");
    assert_eq!(sparse["MentionType"], "2");
    assert_eq!(sparse["MentionSourceName"], "");
    assert_eq!(sparse["MentionIdentifier"], "notes/brief.txt");
    assert_eq!(sparse["SentenceID"], "1");
    assert_eq!(sparse["Actor2CharOffset"], "-1");
    assert_eq!(sparse["Confidence"], "10");
    assert!(sparse["Extras"].contains("background=1"));
    let host = by_name(lines[1], &GDELT_MENTION_COLUMNS);
    assert_eq!(host["MentionSourceName"], "example.org");
}

#[test]
fn tabs_and_line_breaks_stay_inside_their_tsv_field() {
    let e = event_with_tabs(7);
    let events = clusters_out(
        Format::Gdelt,
        ExportOptions::default(),
        &[cluster(10, e.clone())],
    );
    assert_eq!(events.matches('\n').count(), 1);
    let row = by_name(events.trim_end_matches('\n'), &GDELT_EVENT_COLUMNS);
    assert_eq!(row["Actor1Name"], "RUSSIAN TROOPS");
    assert_eq!(row["Actor2Name"], "NA  TO");
    assert_eq!(row["SOURCEURL"], "dir name/file.txt");

    let mentions = events_out(Format::Mentions, ExportOptions::default(), &[e.clone(), e]);
    assert_eq!(mentions.matches('\n').count(), 2);
    for line in mentions.lines() {
        let row = by_name(line, &GDELT_MENTION_COLUMNS);
        assert_eq!(row["MentionSourceName"], "Example News");
        assert_eq!(row["MentionIdentifier"], "dir name/file.txt");
        assert!(
            row["Extras"].ends_with("rule=verb.190 attack#1"),
            "{}",
            row["Extras"]
        );
    }
}

#[test]
fn csv_round_trips_reports() {
    let rows = [full_event(7), sparse_event(8), event_with_tabs(9)];
    let out = events_out(Format::Csv, ExportOptions::default(), &rows);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let names: Vec<&str> = EVENT_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(header, names);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), rows.len());
    let get = |r: &csv::StringRecord, name: &str| -> String {
        r[names.iter().position(|n| *n == name).unwrap()].to_string()
    };
    for (record, e) in records.iter().zip(&rows) {
        assert_eq!(get(record, "id"), e.id.to_string());
        assert_eq!(get(record, "sentence"), e.record.sentence);
        assert_eq!(get(record, "source_text"), e.record.source.text);
        assert_eq!(get(record, "goldstein"), e.record.goldstein.to_string());
        assert_eq!(get(record, "background"), e.background.to_string());
        assert_eq!(get(record, "polarity"), e.record.polarity.as_str());
        assert_eq!(get(record, "source_rule"), e.record.source.rule.join(";"));
        assert_eq!(get(record, "url"), e.url.clone().unwrap_or_default());
        assert_eq!(
            get(record, "trigger_start"),
            e.record.evidence.trigger[0].to_string()
        );
    }
    assert_eq!(get(&records[0], "signals"), "troop_deployment");
    assert_eq!(get(&records[0], "reasons"), "said;past tense");
    assert_eq!(get(&records[0], "target_code"), "IGONAT");
    assert_eq!(get(&records[1], "target_code"), "");
    assert_eq!(get(&records[1], "cluster_id"), "");
}

#[test]
fn csv_round_trips_clusters() {
    let rows = [cluster(10, full_event(7)), cluster(11, sparse_event(8))];
    let out = clusters_out(Format::Csv, ExportOptions::default(), &rows);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let names: Vec<&str> = CLUSTER_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(reader.headers().unwrap(), names.as_slice());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 2);
    let get = |r: &csv::StringRecord, name: &str| -> String {
        r[names.iter().position(|n| *n == name).unwrap()].to_string()
    };
    assert_eq!(get(&records[0], "id"), "10");
    assert_eq!(get(&records[0], "n_mentions"), "5");
    assert_eq!(get(&records[0], "n_articles"), "4");
    assert_eq!(get(&records[0], "n_sources"), "3");
    assert_eq!(get(&records[0], "first_event_id"), "7");
    assert_eq!(
        get(&records[0], "first_sentence"),
        rows[0].first.record.sentence
    );
    assert_eq!(get(&records[1], "target_base"), "");
    assert_eq!(get(&records[1], "first_doc_id"), "notes/brief.txt");
}

#[test]
fn plover_lines_parse_with_actors_events_and_contexts() {
    let rows = [cluster(10, full_event(7)), cluster(11, sparse_event(8))];
    let out = clusters_out(Format::Plover, ExportOptions::default(), &rows);
    let values: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(values.len(), 2);
    let full = &values[0];
    assert_eq!(full["id"], 10);
    assert_eq!(full["date"], "2024-03-05");
    assert_eq!(full["event"], "ASSAULT");
    assert!(full["mode"].is_null());
    assert_eq!(full["context"], serde_json::json!(["military"]));
    assert_eq!(full["auxiliary_modes"], serde_json::json!([]));
    assert_eq!(full["actor"][0]["code"], "RUSMIL");
    assert_eq!(full["actor"][0]["country"], "RUS");
    assert_eq!(full["actor"][0]["text"], "Russian troops");
    assert_eq!(full["recipient"][0]["code"], "IGONAT");
    assert!(full["recipient"][0]["country"].is_null());
    assert_eq!(full["n_mentions"], 5);
    assert_eq!(full["n_sources"], 3);
    assert_eq!(full["first"]["url"], "https://www.example.org/world/attack");
    assert_eq!(full["first"]["sentence"], rows[0].first.record.sentence);

    let sparse = &values[1];
    assert!(
        sparse["event"].is_null(),
        "a code without PLOVER event is still written"
    );
    assert!(sparse["date"].is_null());
    assert_eq!(sparse["recipient"], serde_json::json!([]));
    assert_eq!(
        sparse["auxiliary_modes"],
        serde_json::json!(["negation", "future", "historical"])
    );
}

#[test]
fn jsonl_writes_the_stored_rows() {
    let out = events_out(
        Format::Jsonl,
        ExportOptions::default(),
        &[full_event(7), sparse_event(8)],
    );
    let values: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(values.len(), 2);
    assert_eq!(values[0]["id"], 7);
    assert_eq!(
        values[0]["cameo"], "190",
        "the record is flattened into the row"
    );
    assert_eq!(values[1]["cluster_id"], serde_json::Value::Null);

    let out = clusters_out(
        Format::Jsonl,
        ExportOptions::default(),
        &[cluster(10, full_event(7))],
    );
    let value: serde_json::Value = serde_json::from_str(out.trim_end()).unwrap();
    assert_eq!(value["id"], 10);
    assert_eq!(value["first"]["id"], 7);
    assert_eq!(value["first"]["source"]["code"], "RUSMIL");
}

#[test]
fn writers_refuse_the_other_kind_of_rows() {
    for format in [Format::Gdelt, Format::Plover] {
        let err = EventWriter::new(format, Vec::new()).err().unwrap();
        assert!(
            matches!(err, ExportError::WrongRows { format: f, given: Rows::Reports } if f == format),
            "{err}"
        );
    }
    let err = ClusterWriter::new(Format::Mentions, Vec::new())
        .err()
        .unwrap();
    assert!(err.to_string().contains("export reports instead"), "{err}");
}

#[test]
fn tsv_writes_nothing_for_no_rows_and_csv_only_its_header() {
    assert_eq!(
        clusters_out(Format::Gdelt, ExportOptions::default(), &[]),
        ""
    );
    let csv = events_out(Format::Csv, ExportOptions::default(), &[]);
    assert_eq!(csv.lines().count(), 1);
    assert!(csv.starts_with("id,cluster_id,"));
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_needs_the_feature() {
    let err = EventWriter::new(Format::Parquet, Vec::new()).err().unwrap();
    assert!(matches!(err, ExportError::ParquetNotBuilt));
    assert!(err.to_string().contains("--features parquet"), "{err}");
}
