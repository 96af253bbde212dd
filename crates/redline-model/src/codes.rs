//! Validated code newtypes: CAMEO event codes and CAMEO actor codes.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A code that failed validation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CodeError {
    /// Not a CAMEO event code: two to four digits with a root from 01 to 20.
    #[error("`{0}` is not a CAMEO event code (2-4 digits, root 01-20)")]
    Cameo(String),
    /// Not a CAMEO actor code: upper-case letters or digits in blocks of three.
    #[error(
        "`{0}` is not an actor code (upper-case letters or digits in blocks of three, 3-15 long)"
    )]
    Actor(String),
}

/// A CAMEO event code such as `19`, `190` or `0332`.
///
/// Invariant: two to four ASCII digits, and the first two (the root) are `01`..=`20`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CameoCode(String);

impl CameoCode {
    /// The code as written (`"0332"`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The two-digit root (`"03"`).
    pub fn root(&self) -> &str {
        &self.0[..2]
    }

    /// The root as a number, 1..=20.
    pub fn root_number(&self) -> u8 {
        self.0[..2].parse().unwrap_or(0)
    }

    /// The three-digit base code (`"033"` for `"0332"`), or the root for a root code.
    pub fn base(&self) -> &str {
        &self.0[..self.0.len().min(3)]
    }
}

impl TryFrom<&str> for CameoCode {
    type Error = CodeError;

    fn try_from(s: &str) -> Result<Self, CodeError> {
        let digits = (2..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        let root_ok = digits && matches!(s[..2].parse::<u8>(), Ok(1..=20));
        if root_ok {
            Ok(CameoCode(s.to_string()))
        } else {
            Err(CodeError::Cameo(s.to_string()))
        }
    }
}

impl TryFrom<String> for CameoCode {
    type Error = CodeError;

    fn try_from(s: String) -> Result<Self, CodeError> {
        CameoCode::try_from(s.as_str())
    }
}

impl From<CameoCode> for String {
    fn from(c: CameoCode) -> String {
        c.0
    }
}

impl fmt::Display for CameoCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// First blocks of actor codes that are not countries: international and transnational generic
/// codes and CAMEO's region codes (from the CAMEO actor role table).
const NON_COUNTRY_BLOCKS: &[&str] = &[
    "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", "AFR", "ASA", "BLK", "CRB", "CAU", "CFR",
    "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN",
    "SAM", "SAS", "SEA", "SAF", "WAF",
];

/// A CAMEO actor code such as `RUS`, `USAGOV`, `IGONAT` or `PSEREBHMS`.
///
/// Invariant: 3 to 15 upper-case ASCII letters or digits, a multiple of three long.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ActorCode(String);

impl ActorCode {
    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The three-letter blocks of the code.
    pub fn blocks(&self) -> impl Iterator<Item = &str> {
        (0..self.0.len()).step_by(3).map(|i| &self.0[i..i + 3])
    }

    /// The country the code belongs to (its first block), or `None` for organisations, generic
    /// international codes and regions.
    pub fn country(&self) -> Option<&str> {
        let first = &self.0[..3];
        (!NON_COUNTRY_BLOCKS.contains(&first)).then_some(first)
    }

    /// The code with a role block appended (`RUS` + `MIL` = `RUSMIL`), unless the code already
    /// ends with a role (then it is returned unchanged: "Kremlin officials" stays `RUSGOV`).
    pub fn with_role(&self, role: &str) -> ActorCode {
        if self.0.len() >= 6 || self.0.len() + role.len() > 15 {
            return self.clone();
        }
        ActorCode(format!("{}{}", self.0, role))
    }
}

impl TryFrom<&str> for ActorCode {
    type Error = CodeError;

    fn try_from(s: &str) -> Result<Self, CodeError> {
        let ok = (3..=15).contains(&s.len())
            && s.len().is_multiple_of(3)
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if ok {
            Ok(ActorCode(s.to_string()))
        } else {
            Err(CodeError::Actor(s.to_string()))
        }
    }
}

impl TryFrom<String> for ActorCode {
    type Error = CodeError;

    fn try_from(s: String) -> Result<Self, CodeError> {
        ActorCode::try_from(s.as_str())
    }
}

impl From<ActorCode> for String {
    fn from(c: ActorCode) -> String {
        c.0
    }
}

impl fmt::Display for ActorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cameo_codes_are_validated() {
        let c = CameoCode::try_from("0332").unwrap();
        assert_eq!((c.root(), c.base(), c.root_number()), ("03", "033", 3));
        assert!(CameoCode::try_from("21").is_err());
        assert!(CameoCode::try_from("00").is_err());
        assert!(CameoCode::try_from("19a").is_err());
        assert!(CameoCode::try_from("12345").is_err());
        assert_eq!(CameoCode::try_from("20").unwrap().base(), "20");
    }

    #[test]
    fn actor_codes_know_their_country_and_take_roles() {
        let rus = ActorCode::try_from("RUS").unwrap();
        assert_eq!(rus.with_role("MIL").as_str(), "RUSMIL");
        assert_eq!(rus.country(), Some("RUS"));
        let gov = ActorCode::try_from("USAGOV").unwrap();
        assert_eq!(gov.with_role("MIL").as_str(), "USAGOV");
        assert_eq!(ActorCode::try_from("IGONAT").unwrap().country(), None);
        assert!(ActorCode::try_from("usa").is_err());
        assert!(ActorCode::try_from("USAG").is_err());
        assert_eq!(
            ActorCode::try_from("PSEREBHMS")
                .unwrap()
                .blocks()
                .collect::<Vec<_>>(),
            ["PSE", "REB", "HMS"]
        );
    }
}
