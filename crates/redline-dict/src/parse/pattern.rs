//! The verb pattern language: `head word a/b {class} * $ +`.

use crate::entry::{Element, Pattern};

/// Parses one pattern (`deliver {weapon} to $`, `~talks between + and $`).
pub fn parse_pattern(text: &str) -> Result<Pattern, String> {
    let mut words = text.split(' ');
    let head = words.next().unwrap_or_default();
    if head.is_empty() {
        return Err("empty pattern (check the `|` separators)".into());
    }
    let (noun, head) = match head.strip_prefix('~') {
        Some(h) => (true, h),
        None => (false, head),
    };
    if head.is_empty()
        || !head
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
    {
        return Err(format!(
            "pattern `{text}`: the head `{head}` must be one word"
        ));
    }
    let mut elements = Vec::new();
    for w in words {
        let element = match w {
            "" => return Err(format!("pattern `{text}` has repeated spaces")),
            "*" => Element::Gap,
            "$" => Element::Target,
            "+" if noun => Element::Source,
            "+" => return Err(format!("pattern `{text}`: `+` is only for noun patterns")),
            _ if w.starts_with('{') => {
                let name = w
                    .strip_prefix('{')
                    .and_then(|w| w.strip_suffix('}'))
                    .filter(|n| !n.is_empty())
                    .ok_or_else(|| format!("pattern `{text}`: bad class `{w}`"))?;
                Element::Class(name.to_string())
            }
            _ => {
                let alts: Vec<String> = w.split('/').map(str::to_lowercase).collect();
                if alts.iter().any(String::is_empty) {
                    return Err(format!("pattern `{text}`: empty alternative in `{w}`"));
                }
                if alts
                    .iter()
                    .any(|a| a.contains(['{', '}', '$', '*', '+', '~']))
                {
                    return Err(format!("pattern `{text}`: stray symbol in `{w}`"));
                }
                Element::Word(alts)
            }
        };
        if matches!(element, Element::Gap) && matches!(elements.last(), Some(Element::Gap)) {
            return Err(format!("pattern `{text}`: two gaps in a row"));
        }
        elements.push(element);
    }
    let targets = elements
        .iter()
        .filter(|e| matches!(e, Element::Target))
        .count();
    let sources = elements
        .iter()
        .filter(|e| matches!(e, Element::Source))
        .count();
    if targets > 1 || sources > 1 {
        return Err(format!("pattern `{text}`: at most one `$` and one `+`"));
    }
    if matches!(elements.last(), Some(Element::Gap)) {
        return Err(format!("pattern `{text}` ends with a gap"));
    }
    Ok(Pattern {
        text: text.to_string(),
        noun,
        head: head.to_lowercase(),
        elements,
    })
}
