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
    }
}
