//! The `.qdpx` zip: reading with caps against zip bombs and path escapes, and writing a fresh archive.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use zip::ZipArchive;
use zip::write::SimpleFileOptions;

/// Caps on what an archive may unpack to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The whole archive, uncompressed.
    pub total: u64,
    /// One file, uncompressed.
    pub per_file: u64,
    /// Uncompressed / compressed size above which a file larger than `ratio_floor` is refused.
    pub ratio: u64,
    pub ratio_floor: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            total: 2 * 1024 * 1024 * 1024,
            per_file: 512 * 1024 * 1024,
            ratio: 200,
            ratio_floor: 1024 * 1024,
        }
    }
}

#[derive(Debug)]
pub enum ArchiveError {
    NotZip(String),
    TooBig { name: String, cap: u64 },
    TotalTooBig(u64),
    Ratio { name: String, ratio: u64 },
    Escape(String),
    NoProject,
    ManyProjects(String),
    Read { name: String, message: String },
}

impl std::error::Error for ArchiveError {}

impl std::fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::t;
        let s = match self {
            ArchiveError::NotZip(e) => t!("refi-zip-invalid", error = e.as_str()),
            ArchiveError::TooBig { name, cap } => {
                t!("refi-zip-entry-too-big", name = name.as_str(), cap = *cap)
            }
            ArchiveError::TotalTooBig(cap) => t!("refi-zip-too-big", cap = *cap),
            ArchiveError::Ratio { name, ratio } => {
                t!("refi-zip-ratio", name = name.as_str(), ratio = *ratio)
            }
            ArchiveError::Escape(path) => t!("refi-zip-escape", path = format!("{path:?}")),
            ArchiveError::NoProject => t!("refi-zip-no-project"),
            ArchiveError::ManyProjects(names) => {
                t!("refi-zip-many-projects", names = names.as_str())
            }
            ArchiveError::Read { name, message } => t!(
                "refi-zip-unreadable",
                name = name.as_str(),
                error = message.as_str()
            ),
        };
        f.write_str(&s)
    }
}

/// The files of an archive, by their names inside it.
#[derive(Debug, Default)]
pub struct Unpacked {
    pub files: BTreeMap<String, Vec<u8>>,
    /// Name of the project file (any `*.qde`).
    pub project: String,
}

impl Unpacked {
    /// A file under `sources/` (either case), by its bare name.
    pub fn source(&self, name: &str) -> Option<&[u8]> {
        ["sources/", "Sources/", "SOURCES/", ""]
            .iter()
            .find_map(|dir| self.files.get(&format!("{dir}{name}")))
            .map(Vec::as_slice)
    }
}

/// True when a name inside the archive or a reference stays inside its folder.
pub fn safe_relative(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.starts_with('\\')
        && !name.contains(':')
        && name
            .split(['/', '\\'])
            .all(|part| part != ".." && !part.contains('\0'))
}

/// Unpacks every file, enforcing the caps on the bytes actually read (headers can lie).
pub fn unpack(bytes: &[u8], limits: &Limits) -> Result<Unpacked, ArchiveError> {
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| ArchiveError::NotZip(e.to_string()))?;
    let mut out = Unpacked::default();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| ArchiveError::Read {
            name: format!("entry {i}"),
            message: e.to_string(),
        })?;
        let name = f.name().to_string();
        if !safe_relative(&name) {
            return Err(ArchiveError::Escape(name));
        }
        if f.is_dir() {
            continue;
        }
        let compressed = f.compressed_size().max(1);
        let mut data = Vec::new();
        (&mut f)
            .take(limits.per_file + 1)
            .read_to_end(&mut data)
            .map_err(|e| ArchiveError::Read {
                name: name.clone(),
                message: e.to_string(),
            })?;
        let len = data.len() as u64;
        if len > limits.per_file {
            return Err(ArchiveError::TooBig {
                name,
                cap: limits.per_file,
            });
        }
        if len > limits.ratio_floor && len / compressed > limits.ratio {
            return Err(ArchiveError::Ratio {
                name,
                ratio: len / compressed,
            });
        }
        total += len;
        if total > limits.total {
            return Err(ArchiveError::TotalTooBig(limits.total));
        }
        out.files.insert(name, data);
    }
    let projects: Vec<&String> = out
        .files
        .keys()
        .filter(|n| !n.contains('/') && n.to_lowercase().ends_with(".qde"))
        .collect();
    out.project = match projects.as_slice() {
        [] => return Err(ArchiveError::NoProject),
        [one] => (*one).clone(),
        many if many.iter().any(|n| *n == "project.qde") => "project.qde".into(),
        many => {
            return Err(ArchiveError::ManyProjects(
                many.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ));
        }
    };
    Ok(out)
}

/// Packs `project.qde` and the source files (`sources/<name>`) into a zip.
pub fn pack(qde: &[u8], sources: &[(String, Vec<u8>)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    w.start_file("project.qde", opts)?;
    w.write_all(qde)?;
    for (name, data) in sources {
        w.start_file(format!("sources/{name}"), opts)?;
        w.write_all(data)?;
    }
    Ok(w.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (n, d) in files {
            w.start_file(*n, SimpleFileOptions::default()).unwrap();
            w.write_all(d).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn finds_any_qde_and_either_sources_case() {
        let z = zip_of(&[("Trial.qde", b"<Project/>"), ("Sources/a.txt", b"hej")]);
        let u = unpack(&z, &Limits::default()).unwrap();
        assert_eq!(u.project, "Trial.qde");
        assert_eq!(u.source("a.txt"), Some(&b"hej"[..]));
    }

    #[test]
    fn refuses_escapes_and_bombs() {
        let z = zip_of(&[("project.qde", b"x"), ("../evil.txt", b"x")]);
        assert!(matches!(
            unpack(&z, &Limits::default()),
            Err(ArchiveError::Escape(_))
        ));
        let big = vec![b'a'; 4096];
        let z = zip_of(&[("project.qde", &big)]);
        let tight = Limits {
            total: 10_000,
            per_file: 1000,
            ratio: 200,
            ratio_floor: 100,
        };
        assert!(matches!(
            unpack(&z, &tight),
            Err(ArchiveError::TooBig { .. })
        ));
        let ratio = Limits {
            per_file: 10_000,
            ratio: 20,
            ..tight
        };
        assert!(matches!(
            unpack(&z, &ratio),
            Err(ArchiveError::Ratio { .. })
        ));
        let z = zip_of(&[("a.qde", &big[..900]), ("b.txt", &big[..900])]);
        let total = Limits {
            total: 1000,
            ratio: 10_000,
            ..tight
        };
        assert!(matches!(
            unpack(&z, &total),
            Err(ArchiveError::TotalTooBig(_))
        ));
        assert!(matches!(
            unpack(&zip_of(&[("x.txt", b"")]), &Limits::default()),
            Err(ArchiveError::NoProject)
        ));
    }
}
