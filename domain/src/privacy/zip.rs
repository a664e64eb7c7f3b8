//! A ZIP archive written as it goes (PKWARE APPNOTE 6.3: deflate, UTF-8 names, sizes and CRC in a
//! data descriptor after each file), so a file is sent while the next rows are still being read.
//! Enough for exports: no ZIP64 (an export is far below 4 GB), no directories.

use std::io::Write;

use chrono::{DateTime, Datelike, Timelike, Utc};
use flate2::Compression;
use flate2::write::DeflateEncoder;

/// Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8.
const FLAGS: u16 = 0x0808;
const DEFLATE: u16 = 8;
const VERSION: u16 = 20;

struct Done {
    name: String,
    crc: u32,
    packed: u32,
    size: u32,
    offset: u32,
}

struct Open {
    name: String,
    offset: u32,
    crc: crc32fast::Hasher,
    size: u64,
    packed: u64,
    deflate: DeflateEncoder<Vec<u8>>,
}

/// Each call returns the bytes to send next.
pub struct Zip {
    time: u16,
    date: u16,
    written: u64,
    files: Vec<Done>,
    open: Option<Open>,
}

fn le16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn le32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// An offset or a size, which fits: exports stay far below 4 GB.
fn small(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

impl Zip {
    /// An archive whose files are dated `at` (UTC).
    pub fn new(at: DateTime<Utc>) -> Zip {
        // MS-DOS time and date: 2-second steps, years from 1980.
        let time = ((at.hour() << 11) | (at.minute() << 5) | (at.second() / 2)) as u16;
        let date = (((at.year().clamp(1980, 2107) - 1980) as u32) << 9) | (at.month() << 5) | at.day();
        Zip { time, date: date as u16, written: 0, files: Vec::new(), open: None }
    }

    fn sent(&mut self, bytes: Vec<u8>) -> Vec<u8> {
        self.written += bytes.len() as u64;
        if let Some(open) = &mut self.open {
            open.packed += bytes.len() as u64;
        }
        bytes
    }

    /// Starts the file `name` (closing the one before, if any).
    pub fn file(&mut self, name: &str) -> Vec<u8> {
        let mut out = self.close();
        let mut header = Vec::with_capacity(30 + name.len());
        le32(&mut header, 0x0403_4b50);
        for v in [VERSION, FLAGS, DEFLATE, self.time, self.date] {
            le16(&mut header, v);
        }
        header.extend_from_slice(&[0; 12]); // CRC and sizes: in the data descriptor
        le16(&mut header, name.len() as u16);
        le16(&mut header, 0);
        header.extend_from_slice(name.as_bytes());
        self.open = Some(Open {
            name: name.to_owned(),
            offset: small(self.written),
            crc: crc32fast::Hasher::new(),
            size: 0,
            packed: 0,
            deflate: DeflateEncoder::new(Vec::new(), Compression::fast()),
        });
        self.written += header.len() as u64;
        out.append(&mut header);
        out
    }

    /// More of the open file's content.
    pub fn write(&mut self, data: &[u8]) -> Vec<u8> {
        let Some(open) = &mut self.open else { return Vec::new() };
        open.crc.update(data);
        open.size += data.len() as u64;
        // Writing into a Vec cannot fail.
        let _ = open.deflate.write_all(data);
        let ready = std::mem::take(open.deflate.get_mut());
        self.sent(ready)
    }

    fn close(&mut self) -> Vec<u8> {
        let Some(open) = self.open.take() else { return Vec::new() };
        let rest = open.deflate.finish().unwrap_or_default();
        let packed = open.packed + rest.len() as u64;
        let mut out = rest;
        let crc = open.crc.finalize();
        le32(&mut out, 0x0807_4b50);
        for v in [crc, small(packed), small(open.size)] {
            le32(&mut out, v);
        }
        self.written += out.len() as u64;
        self.files.push(Done {
            name: open.name,
            crc,
            packed: small(packed),
            size: small(open.size),
            offset: open.offset,
        });
        out
    }

    /// Closes the last file and writes the central directory.
    pub fn finish(mut self) -> Vec<u8> {
        let mut out = self.close();
        let start = self.written;
        let mut directory = Vec::new();
        for f in &self.files {
            le32(&mut directory, 0x0201_4b50);
            for v in [VERSION, VERSION, FLAGS, DEFLATE, self.time, self.date] {
                le16(&mut directory, v);
            }
            for v in [f.crc, f.packed, f.size] {
                le32(&mut directory, v);
            }
            for v in [f.name.len() as u16, 0, 0, 0, 0] {
                le16(&mut directory, v);
            }
            le32(&mut directory, 0);
            le32(&mut directory, f.offset);
            directory.extend_from_slice(f.name.as_bytes());
        }
        let (count, size) = (self.files.len() as u16, small(directory.len() as u64));
        le32(&mut directory, 0x0605_4b50);
        for v in [0, 0, count, count] {
            le16(&mut directory, v);
        }
        le32(&mut directory, size);
        le32(&mut directory, small(start));
        le16(&mut directory, 0);
        out.append(&mut directory);
        out
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::Zip;

    fn u16_at(b: &[u8], at: usize) -> usize {
        u16::from_le_bytes([b[at], b[at + 1]]) as usize
    }

    fn u32_at(b: &[u8], at: usize) -> usize {
        u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
    }

    /// Reads the archive the way unzip does: from the central directory.
    fn unzip(b: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = b.len() - 22;
        assert_eq!(u32_at(b, end), 0x0605_4b50);
        let (count, mut at) = (u16_at(b, end + 10), u32_at(b, end + 16));
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(b, at), 0x0201_4b50);
            let (crc, packed, size) = (u32_at(b, at + 16), u32_at(b, at + 20), u32_at(b, at + 24));
            let name_len = u16_at(b, at + 28);
            let name = String::from_utf8(b[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let local = u32_at(b, at + 42);
            assert_eq!(u32_at(b, local), 0x0403_4b50);
            let data = local + 30 + u16_at(b, local + 26) + u16_at(b, local + 28);
            let mut text = Vec::new();
            flate2::read::DeflateDecoder::new(&b[data..data + packed]).read_to_end(&mut text).unwrap();
            assert_eq!((text.len(), crc32fast::hash(&text) as usize), (size, crc), "{name}");
            assert_eq!(u32_at(b, data + packed), 0x0807_4b50, "the data descriptor follows");
            files.push((name, text));
            at += 46 + name_len;
        }
        files
    }

    #[test]
    fn files_written_in_pieces_read_back_whole() {
        let mut zip = Zip::new(chrono::Utc::now());
        let mut bytes = zip.file("perfil.csv");
        bytes.extend(zip.write("nombre,correo\r\n".as_bytes()));
        bytes.extend(zip.write("Zoë,zoe@example.com\r\n".repeat(500).as_bytes()));
        bytes.extend(zip.file("empty.csv"));
        bytes.extend(zip.finish());
        let files = unzip(&bytes);
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].0, "perfil.csv");
        assert!(String::from_utf8(files[0].1.clone()).unwrap().ends_with("Zoë,zoe@example.com\r\n"));
        assert_eq!(files[0].1.len(), 15 + 500 * 22);
        assert_eq!(files[1], ("empty.csv".to_owned(), Vec::new()));
    }
}
