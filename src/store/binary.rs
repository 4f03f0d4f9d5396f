//! The little binary layout of the store's caches (`.kodbok/stats.bin`, `.kodbok/codings/*.bin`): varints,
//! length-prefixed strings, little-endian numbers, and a reader that checks every read.

use chrono::{DateTime, Utc};

pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

pub(crate) fn put_time(out: &mut Vec<u8>, t: &DateTime<Utc>) {
    out.extend_from_slice(&t.timestamp().to_le_bytes());
    out.extend_from_slice(&t.timestamp_subsec_nanos().to_le_bytes());
}

/// Reads a byte slice front to back; every read is checked, so a damaged file yields None, never a panic.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    pub(crate) fn done(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// The bytes not read yet, all of them.
    pub(crate) fn rest(&mut self) -> &'a [u8] {
        let s = &self.bytes[self.at..];
        self.at = self.bytes.len();
        s
    }

    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(s)
    }

    pub(crate) fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }

    pub(crate) fn u128(&mut self) -> Option<u128> {
        Some(u128::from_le_bytes(self.array()?))
    }

    pub(crate) fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    pub(crate) fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    pub(crate) fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        // strings are most of a cache's bytes: checked with SIMD
        simdutf8::basic::from_utf8(self.take(n)?).ok()
    }

    pub(crate) fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }
}

/// [`Reader`]'s reads over a byte stream of known length, a piece at a time: a large cache is decoded
/// without being held whole (no buffer the size of the file to fault in and copy). Every byte that
/// comes in is hashed, so [`Stream::finish`] can tell whether they were the bytes a checksum was
/// made of. A read past the stream's length yields None, as does a source that fails or ends early.
pub(crate) struct Stream<R> {
    src: R,
    buf: Vec<u8>,
    at: usize,
    end: usize,
    /// What the source has still to give.
    left: u64,
    hasher: xxhash_rust::xxh3::Xxh3,
}

/// The size of a [`Stream`]'s pieces.
const STREAM_PIECE: usize = 256 << 10;

impl<R: std::io::Read> Stream<R> {
    /// A stream of the next `len` bytes of `src`.
    pub(crate) fn new(src: R, len: u64) -> Self {
        let size = usize::try_from(len).map_or(STREAM_PIECE, |l| l.min(STREAM_PIECE));
        Stream {
            src,
            buf: vec![0; size],
            at: 0,
            end: 0,
            left: len,
            hasher: xxhash_rust::xxh3::Xxh3::new(),
        }
    }

    /// Makes the next `need` bytes readable in `buf[at..]`.
    fn fill(&mut self, need: usize) -> Option<()> {
        let have = self.end - self.at;
        if have >= need {
            return Some(());
        }
        // a damaged length cannot make us wait for (or allocate) more than the stream holds
        if (need - have) as u64 > self.left {
            return None;
        }
        self.buf.copy_within(self.at..self.end, 0);
        (self.at, self.end) = (0, have);
        if need > self.buf.len() {
            self.buf.resize(need, 0);
        }
        while self.end < need {
            let room =
                (self.buf.len() - self.end).min(usize::try_from(self.left).unwrap_or(usize::MAX));
            let piece = &mut self.buf[self.end..self.end + room];
            let n = loop {
                match self.src.read(piece) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => return None,
                }
            };
            if n == 0 {
                return None;
            }
            self.hasher.update(&piece[..n]);
            self.end += n;
            self.left -= n as u64;
        }
        Some(())
    }

    pub(crate) fn take(&mut self, n: usize) -> Option<&[u8]> {
        self.fill(n)?;
        let s = &self.buf[self.at..self.at + n];
        self.at += n;
        Some(s)
    }

    pub(crate) fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }

    pub(crate) fn varint(&mut self) -> Option<u64> {
        // a varint of a u64 is at most ten bytes; fewer may be left at the very end
        let avail = (self.end - self.at) as u64 + self.left;
        self.fill(avail.min(10) as usize)?;
        let mut r = Reader::new(&self.buf[self.at..self.end]);
        let v = r.varint()?;
        self.at += r.at;
        Some(v)
    }

    pub(crate) fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    pub(crate) fn str(&mut self) -> Option<&str> {
        let n = self.usize()?;
        simdutf8::basic::from_utf8(self.take(n)?).ok()
    }

    pub(crate) fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    /// Reads past a string (its bytes are hashed, not checked or copied).
    pub(crate) fn skip_str(&mut self) -> Option<()> {
        let mut n = self.usize()?;
        // in pieces: a long string need not fit the buffer
        while n > 0 {
            let k = n.min(STREAM_PIECE);
            self.take(k)?;
            n -= k;
        }
        Some(())
    }

    pub(crate) fn time(&mut self) -> Option<DateTime<Utc>> {
        let secs = i64::from_le_bytes(self.array()?);
        DateTime::from_timestamp(secs, self.u32()?)
    }

    /// Whether every byte of the stream was read, and all of them hash (xxh3, 128 bits) to `expected`.
    pub(crate) fn finish(self, expected: u128) -> bool {
        self.at == self.end && self.left == 0 && self.hasher.digest128() == expected
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A source that gives at most a few bytes per read (and is interrupted now and then), so that
    /// every value of a stream straddles the pieces it comes in.
    struct Trickle<'a> {
        bytes: &'a [u8],
        sizes: Vec<usize>,
        n: usize,
    }

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.n += 1;
            let size = self.sizes[self.n % self.sizes.len()];
            if size == 0 {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            let k = size.min(buf.len()).min(self.bytes.len());
            buf[..k].copy_from_slice(&self.bytes[..k]);
            self.bytes = &self.bytes[k..];
            Ok(k)
        }
    }

    #[derive(Debug, Clone, PartialEq)]
    enum Item {
        Num(u64),
        Text(String),
        Time(i64, u32),
    }

    fn put(out: &mut Vec<u8>, item: &Item) {
        match item {
            Item::Num(v) => put_varint(out, *v),
            Item::Text(s) => put_str(out, s),
            Item::Time(s, n) => {
                out.extend_from_slice(&s.to_le_bytes());
                out.extend_from_slice(&n.to_le_bytes());
            }
        }
    }

    fn read<R: std::io::Read>(s: &mut Stream<R>, like: &Item) -> Option<Item> {
        Some(match like {
            Item::Num(_) => Item::Num(s.varint()?),
            Item::Text(_) => Item::Text(s.string()?),
            Item::Time(..) => {
                let t = s.time()?;
                Item::Time(t.timestamp(), t.timestamp_subsec_nanos())
            }
        })
    }

    fn item() -> impl Strategy<Value = Item> {
        prop_oneof![
            any::<u64>().prop_map(Item::Num),
            (0u64..300).prop_map(Item::Num),
            ".{0,40}".prop_map(Item::Text),
            (-1_000_000_000i64..4_000_000_000, 0u32..1_000_000_000)
                .prop_map(|(s, n)| Item::Time(s, n)),
        ]
    }

    proptest! {
        #[test]
        fn a_stream_reads_back_what_was_written_however_it_arrives(
            items in proptest::collection::vec(item(), 0..60),
            sizes in proptest::collection::vec(0usize..9, 1..8),
        ) {
            let mut bytes = Vec::new();
            items.iter().for_each(|i| put(&mut bytes, i));
            let sizes = if sizes.iter().all(|&s| s == 0) { vec![1] } else { sizes };
            let src = Trickle { bytes: &bytes, sizes, n: 0 };
            let mut s = Stream::new(src, bytes.len() as u64);
            for i in &items {
                prop_assert_eq!(read(&mut s, i), Some(i.clone()));
            }
            prop_assert!(s.finish(xxhash_rust::xxh3::xxh3_128(&bytes)));
        }

        #[test]
        fn a_stream_cut_short_or_longer_than_read_is_not_whole(
            items in proptest::collection::vec(item(), 1..30),
            cut in 1usize..8,
        ) {
            let mut bytes = Vec::new();
            items.iter().for_each(|i| put(&mut bytes, i));
            let cut = cut.min(bytes.len());
            let short = &bytes[..bytes.len() - cut];
            let mut s = Stream::new(short, bytes.len() as u64);
            let all = items.iter().all(|i| read(&mut s, i).is_some());
            prop_assert!(!all || !s.finish(xxhash_rust::xxh3::xxh3_128(&bytes)));
            // bytes left unread are not a whole stream either
            let mut s = Stream::new(&bytes[..], bytes.len() as u64);
            for i in &items[..items.len() - 1] {
                prop_assert!(read(&mut s, i).is_some());
            }
            prop_assert!(!s.finish(xxhash_rust::xxh3::xxh3_128(&bytes)));
        }
    }

    #[test]
    fn strings_longer_than_a_piece_and_damaged_lengths() {
        let long = "å".repeat(STREAM_PIECE); // twice a piece in bytes
        let mut bytes = Vec::new();
        put_str(&mut bytes, "kort");
        put_str(&mut bytes, &long);
        put_varint(&mut bytes, 7);
        let mut s = Stream::new(&bytes[..], bytes.len() as u64);
        assert_eq!(s.str(), Some("kort"));
        assert_eq!(s.str(), Some(long.as_str()));
        assert_eq!(s.varint(), Some(7));
        assert!(s.finish(xxhash_rust::xxh3::xxh3_128(&bytes)));
        // a length beyond the stream is refused before anything is allocated for it
        let mut bytes = Vec::new();
        put_varint(&mut bytes, u64::MAX / 2);
        bytes.extend_from_slice(b"abc");
        let mut s = Stream::new(&bytes[..], bytes.len() as u64);
        assert_eq!(s.str(), None);
        // a stream says it is longer than its source: the missing end is an error, not a hang
        let mut s = Stream::new(&b"\x03ab"[..], 4);
        assert_eq!(s.str(), None);
    }
}
