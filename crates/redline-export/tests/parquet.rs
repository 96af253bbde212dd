//! Parquet output read back with the Parquet reader (feature `parquet`).
#![cfg(feature = "parquet")]

mod fixtures;

use arrow_array::{Array, Float32Array, Int64Array, RecordBatch, StringArray};
use bytes::Bytes;
use fixtures::{cluster, full_event, sparse_event};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use redline_export::{ClusterWriter, EventWriter, Format, PARQUET_ROW_GROUP};

/// Reads a Parquet file: its batches and its number of row groups.
fn read(bytes: Vec<u8>) -> (Vec<RecordBatch>, usize) {
    let builder = ParquetRecordBatchReaderBuilder::try_new(Bytes::from(bytes)).unwrap();
    let groups = builder.metadata().num_row_groups();
    let batches = builder.build().unwrap().map(Result::unwrap).collect();
    (batches, groups)
}

fn column<'a, T: 'static>(batch: &'a RecordBatch, name: &str) -> &'a T {
    batch
        .column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"))
        .as_any()
        .downcast_ref::<T>()
        .unwrap_or_else(|| panic!("column {name} has another type"))
}

#[test]
fn reports_read_back_typed() {
    let mut w = EventWriter::new(Format::Parquet, Vec::new()).unwrap();
    w.write(&full_event(7)).unwrap();
    w.write(&sparse_event(8)).unwrap();
    let (batches, groups) = read(w.finish().unwrap());
    assert_eq!(groups, 1);
    assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), 2);
    let b = &batches[0];
    assert_eq!(column::<Int64Array>(b, "id").values(), &[7, 8]);
    assert_eq!(column::<StringArray>(b, "cameo").value(1), "1056");
    assert_eq!(column::<Float32Array>(b, "goldstein").value(0), -10.0);
    let target = column::<StringArray>(b, "target_code");
    assert_eq!(target.value(0), "IGONAT");
    assert!(target.is_null(1));
    assert!(column::<Int64Array>(b, "cluster_id").is_null(1));
}

#[test]
fn clusters_read_back() {
    let mut w = ClusterWriter::new(Format::Parquet, Vec::new()).unwrap();
    w.write(&cluster(10, full_event(7))).unwrap();
    w.write(&cluster(11, sparse_event(8))).unwrap();
    let (batches, _) = read(w.finish().unwrap());
    let b = &batches[0];
    assert_eq!(b.num_rows(), 2);
    assert_eq!(column::<Int64Array>(b, "n_mentions").value(0), 5);
    assert_eq!(
        column::<StringArray>(b, "first_doc_id").value(1),
        "notes/brief.txt"
    );
    assert!(column::<StringArray>(b, "target_base").is_null(1));
}

#[test]
fn a_row_group_is_written_every_65536_rows() {
    let e = full_event(7);
    let mut w = EventWriter::new(Format::Parquet, Vec::new()).unwrap();
    let n = PARQUET_ROW_GROUP + 3;
    for _ in 0..n {
        w.write(&e).unwrap();
    }
    let (batches, groups) = read(w.finish().unwrap());
    assert_eq!(groups, 2);
    assert_eq!(batches.iter().map(RecordBatch::num_rows).sum::<usize>(), n);
}
