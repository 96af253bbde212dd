//! The CAMEO event code table: names, Goldstein values, QuadClass and the PLOVER mapping.

use std::collections::HashMap;

use redline_model::CameoCode;
use serde::{Deserialize, Serialize};

use crate::entry::Location;
use crate::problem::Problem;

/// What the table says about one CAMEO code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CameoInfo {
    /// The code.
    pub code: CameoCode,
    /// Its name ("Provide military aid").
    pub name: String,
    /// Goldstein conflict-cooperation value, -10 to +10 (GDELT's lookup).
    pub goldstein: f32,
    /// QuadClass in the GDELT convention: 1 verbal cooperation (01-05), 2 material cooperation
    /// (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20).
    pub quad_class: u8,
    /// The PLOVER event, when PLOVER keeps the code.
    pub plover_event: Option<String>,
    /// The PLOVER mode, when there is one.
    pub plover_mode: Option<String>,
}

/// The CAMEO table, keyed by code.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CameoTable {
    codes: HashMap<String, CameoInfo>,
}

impl CameoTable {
    /// Parses `cameo/codes.tsv` (`code name goldstein quad_class plover_event plover_mode`,
    /// `-` for none, `#` comments, one header line).
    pub fn parse(file: &str, text: &str, problems: &mut Vec<Problem>) -> CameoTable {
        let mut codes = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("code\t") || line.trim().is_empty() {
                continue;
            }
            let location = Location {
                file: file.to_string(),
                line: i as u32 + 1,
            };
            let f: Vec<&str> = line.split('\t').collect();
            let parsed = (|| {
                let [code, name, goldstein, quad, event, mode] = f.as_slice() else {
                    return Err(format!(
                        "expected 6 tab-separated fields, found {}",
                        f.len()
                    ));
                };
                let code = CameoCode::try_from(*code).map_err(|e| e.to_string())?;
                let goldstein: f32 = goldstein
                    .parse()
                    .map_err(|_| format!("Goldstein value `{goldstein}` is not a number"))?;
                let quad_class: u8 = quad
                    .parse()
                    .ok()
                    .filter(|q| (1..=4).contains(q))
                    .ok_or_else(|| format!("QuadClass `{quad}` is not 1-4"))?;
                let opt = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
                Ok(CameoInfo {
                    code,
                    name: name.to_string(),
                    goldstein,
                    quad_class,
                    plover_event: opt(event),
                    plover_mode: opt(mode),
                })
            })();
            match parsed {
                Ok(info) => {
                    codes.insert(info.code.as_str().to_string(), info);
                }
                Err(message) => problems.push(Problem { location, message }),
            }
        }
        CameoTable { codes }
    }

    /// The entry for a code.
    pub fn get(&self, code: &str) -> Option<&CameoInfo> {
        self.codes.get(code)
    }

    /// Every code, in code order.
    pub fn codes(&self) -> Vec<&CameoInfo> {
        let mut v: Vec<_> = self.codes.values().collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    }

    /// The number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when the table is empty.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}
