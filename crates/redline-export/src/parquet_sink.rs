//! Parquet output (feature `parquet`): the flat columns, typed, Snappy-compressed, in row groups
//! of [`PARQUET_ROW_GROUP`] rows.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Float32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::error::{ExportError, Result};
use crate::flat::{Cell, Column, ColumnType};
use crate::writer::PARQUET_ROW_GROUP;

fn parquet_error(e: impl std::error::Error + Send + Sync + 'static) -> ExportError {
    ExportError::Parquet(Box::new(e))
}

/// A column being buffered.
enum Builder {
    Int(Int64Builder),
    Float(Float32Builder),
    Bool(BooleanBuilder),
    Text(StringBuilder),
}

impl Builder {
    fn new(ty: ColumnType) -> Self {
        match ty {
            ColumnType::Int => Builder::Int(Int64Builder::with_capacity(PARQUET_ROW_GROUP)),
            ColumnType::Float => Builder::Float(Float32Builder::with_capacity(PARQUET_ROW_GROUP)),
            ColumnType::Bool => Builder::Bool(BooleanBuilder::with_capacity(PARQUET_ROW_GROUP)),
            ColumnType::Text => Builder::Text(StringBuilder::new()),
        }
    }

    /// Appends a cell; `false` when its type is not the column's.
    fn append(&mut self, cell: &Cell<'_>) -> bool {
        match (self, cell) {
            (Builder::Int(b), Cell::Int(v)) => b.append_option(*v),
            (Builder::Float(b), Cell::Float(v)) => b.append_option(*v),
            (Builder::Bool(b), Cell::Bool(v)) => b.append_option(*v),
            (Builder::Text(b), Cell::Text(v)) => b.append_option(v.as_deref()),
            _ => return false,
        }
        true
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Float(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Text(b) => Arc::new(b.finish()),
        }
    }
}

/// Writes flat rows to a Parquet file.
pub(crate) struct ParquetSink<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
    columns: Vec<Column>,
    builders: Vec<Builder>,
    buffered: usize,
}

impl<W: Write + Send> ParquetSink<W> {
    /// Starts a Parquet file with the given columns.
    pub(crate) fn new(out: W, columns: &[Column]) -> Result<Self> {
        let fields: Vec<Field> = columns
            .iter()
            .map(|c| {
                let ty = match c.ty {
                    ColumnType::Int => DataType::Int64,
                    ColumnType::Float => DataType::Float32,
                    ColumnType::Bool => DataType::Boolean,
                    ColumnType::Text => DataType::Utf8,
                };
                Field::new(c.name, ty, c.nullable)
            })
            .collect();
        let schema: SchemaRef = Arc::new(Schema::new(fields));
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(PARQUET_ROW_GROUP))
            .build();
        let writer =
            ArrowWriter::try_new(out, Arc::clone(&schema), Some(props)).map_err(parquet_error)?;
        Ok(ParquetSink {
            writer,
            schema,
            columns: columns.to_vec(),
            builders: columns.iter().map(|c| Builder::new(c.ty)).collect(),
            buffered: 0,
        })
    }

    /// Buffers one row, writing a row group when the buffer is full.
    pub(crate) fn write(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        if cells.len() != self.builders.len() {
            return Err(ExportError::Parquet(
                format!(
                    "a row has {} values for {} columns",
                    cells.len(),
                    self.builders.len()
                )
                .into(),
            ));
        }
        for ((builder, cell), column) in self.builders.iter_mut().zip(cells).zip(&self.columns) {
            if !builder.append(cell) {
                return Err(ExportError::Parquet(
                    format!(
                        "column `{}` holds {:?} values, not {:?}",
                        column.name,
                        column.ty,
                        cell.ty()
                    )
                    .into(),
                ));
            }
        }
        self.buffered += 1;
        if self.buffered >= PARQUET_ROW_GROUP {
            self.flush_row_group()?;
        }
        Ok(())
    }

    /// Writes the buffered rows as one row group.
    fn flush_row_group(&mut self) -> Result<()> {
        if self.buffered == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        let batch =
            RecordBatch::try_new(Arc::clone(&self.schema), arrays).map_err(parquet_error)?;
        self.writer.write(&batch).map_err(parquet_error)?;
        self.writer.flush().map_err(parquet_error)?;
        self.buffered = 0;
        Ok(())
    }

    /// Writes the last row group and the footer, and returns the output.
    pub(crate) fn finish(mut self) -> Result<W> {
        self.flush_row_group()?;
        // `into_inner` writes the footer, then hands the output back.
        let mut out = self.writer.into_inner().map_err(parquet_error)?;
        out.flush()?;
        Ok(out)
    }
}
