//! Announced cooperation as CAMEO intents: "announced it would send Patriot batteries" is a
//! statement of intent to provide military aid (0332), an actual event, not a future delivery.

/// The 03x intent code for a cooperative code of roots 04-08, if there is one.
pub fn intent_code(code: &str) -> Option<&'static str> {
    let base = &code[..code.len().min(3)];
    Some(match base {
        "040" | "041" | "042" | "043" | "044" | "046" => "036",
        "045" => "039",
        "050" | "051" | "052" | "053" | "054" => "032",
        "055" | "056" | "057" => "030",
        "060" => "031",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        "070" | "075" => "033",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        "080" => "035",
        "081" => "0351",
        "082" => "0352",
        "083" => "034",
        "084" => "0353",
        "085" => "0354",
        "086" => "0355",
        "087" => "0356",
        _ => return None,
    })
}

/// The 13x threat code for an announced conflictual act of roots 15-20 ("warned it would
/// strike" is a threat of conventional attack, 1384), if there is one.
pub fn threat_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "191" => "1381",
        "192" => "1382",
        "2041" | "2042" | "204" => "1385",
        c if c.starts_with("19") => "1384",
        c if c.starts_with("18") || c.starts_with("20") => "1383",
        "163" | "1631" => "1312",
        c if c.starts_with("16") => "131",
        c if c.starts_with("17") => "137",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn material_cooperation_maps_to_its_intent() {
        assert_eq!(intent_code("072"), Some("0332"));
        assert_eq!(intent_code("0871"), Some("0356"));
        assert_eq!(intent_code("042"), Some("036"));
        assert_eq!(intent_code("045"), Some("039"));
        assert_eq!(intent_code("054"), Some("032"));
        assert_eq!(intent_code("190"), None);
        assert_eq!(intent_code("0332"), None);
        assert_eq!(threat_code("195"), Some("1384"));
        assert_eq!(threat_code("2042"), Some("1385"));
        assert_eq!(threat_code("191"), Some("1381"));
        assert_eq!(threat_code("150"), None);
    }
}
