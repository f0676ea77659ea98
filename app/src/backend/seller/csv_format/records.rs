//! Reading records: rows numbered as a spreadsheet numbers them, blank rows, the header.

use csv::StringRecord;

use super::{COLUMNS, OPTIONAL_COLUMNS};

/// Reads records and numbers them as a spreadsheet numbers its rows.
pub(super) struct Records<'a> {
    pub(super) reader: csv::Reader<&'a [u8]>,
    pub(super) bytes: &'a [u8],
    pub(super) row: usize,
}

impl<'a> Records<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true) // unequal rows are reported, not fatal
            .from_reader(bytes);
        Records {
            reader,
            bytes,
            row: 0,
        }
    }

    /// Reads one record with `read`: its row, `None` at the end, or the row it failed on.
    pub(super) fn advance(
        &mut self,
        read: impl FnOnce(&mut csv::Reader<&'a [u8]>) -> csv::Result<bool>,
    ) -> Result<Option<usize>, usize> {
        let start = self.reader.position().byte() as usize;
        let result = read(&mut self.reader);
        if let Ok(false) = result {
            return Ok(None);
        }
        // The reader skips blank lines, which a spreadsheet shows as empty rows. They sit at the
        // start of what this read consumed.
        let before = start.checked_sub(1).map_or(b'\n', |i| self.bytes[i]);
        self.row += 1 + leading_line_breaks(before, &self.bytes[start..]);
        result.map(|_| Some(self.row)).map_err(|_| self.row)
    }
}

/// Line breaks (CRLF, CR or LF) at the start of `bytes`. `before` is the byte preceding them: the
/// reader ends a record on the `\r` of a CRLF and leaves its `\n` for the next read.
pub(super) fn leading_line_breaks(before: u8, bytes: &[u8]) -> usize {
    let mut previous = before;
    let mut breaks = 0;
    for &byte in bytes.iter().take_while(|&&b| b == b'\r' || b == b'\n') {
        if !(previous == b'\r' && byte == b'\n') {
            breaks += 1;
        }
        previous = byte;
    }
    breaks
}

/// The row holding byte `offset`.
pub(super) fn row_of_byte(bytes: &[u8], offset: usize) -> usize {
    let mut records = Records::new(bytes);
    let mut record = csv::ByteRecord::new();
    let mut row = 0;
    while let Ok(Some(next)) = records.advance(|reader| reader.read_byte_record(&mut record)) {
        row = next;
        if records.reader.position().byte() as usize > offset {
            break;
        }
    }
    row
}

/// Spreadsheets leave rows of empty cells behind when contents are deleted.
pub(super) fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// Where each column is in the file's rows, or the names of those the header lacks.
pub(super) fn locate_columns(header: &StringRecord) -> Result<[usize; 17], Vec<&'static str>> {
    let mut positions = [0; 17];
    let mut missing = Vec::new();
    for (position, name) in positions.iter_mut().zip(COLUMNS) {
        match header.iter().position(|cell| cell.trim() == name) {
            Some(i) => *position = i,
            // No cell is at this position: `record.get` finds none and reads it as empty.
            None if OPTIONAL_COLUMNS.contains(&name) => *position = usize::MAX,
            None => missing.push(name),
        }
    }
    if missing.is_empty() {
        Ok(positions)
    } else {
        Err(missing)
    }
}
