//! WebVTT (Teams, Zoom) and SRT subtitles: cues merged into speaker turns with start times.

use super::{ImportError, RawDoc};

pub fn read_vtt(_text: &str) -> Result<RawDoc, ImportError> {
    Err(ImportError::Format("vtt import is being written".into()))
}

pub fn read_srt(_text: &str) -> Result<RawDoc, ImportError> {
    Err(ImportError::Format("srt import is being written".into()))
}
