//! Names as real people have them, reduced to the parts email addresses are built from:
//! titles and suffixes removed, "Last, First" reordered, nicknames noted, surname particles
//! (van der, de, von) kept together, accents stripped (and German ae/oe/ue forms kept as an
//! alternative), apostrophes dropped.

/// A name's parts, lowercase ASCII-ish, as addresses use them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// Given names, first one first (a hyphenated one stays one token: "chin-liang").
    pub given: Vec<String>,
    /// Surname tokens, particles included: ["van", "der", "berg"].
    pub family: Vec<String>,
    /// A nickname given in parentheses or quotes.
    pub nickname: Option<String>,
    /// Whether any part had German umlauts or ß (so the ae/oe/ue forms are worth trying).
    pub has_umlaut: bool,
    /// How many of the last words look like initials ("Sandeep Sheriker M", "Durai Manickam KR"):
    /// a single letter, or two capitals. "Boon Khai Ng" has none: Ng is a surname.
    pub trailing_initials: usize,
}

const TITLES: &[&str] = &["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "rev", "hon"];
const SUFFIXES: &[&str] =
    &["jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "mba", "esq", "cpa", "pe", "dds", "msc", "bsc", "ba", "ma"];
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ten", "ter", "dos", "das", "bin",
    "al", "el", "zu", "st", "i", "y",
];

/// Whether a word is a surname particle ("van", "de", "von"...).
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// Accent folding for one character: the plain form and, for German letters, the long form.
fn fold(c: char, german: bool) -> Option<&'static str> {
    Some(match c {
        'ä' if german => "ae",
        'ö' if german => "oe",
        'ü' if german => "ue",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Lowercase ASCII form of a word: accents stripped (or German long forms), apostrophes and
/// anything that cannot appear in an address dropped; hyphens kept.
pub fn ascii(word: &str, german: bool) -> String {
    let mut out = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else if let Some(s) = fold(c, german) {
            out.push_str(s);
        }
    }
    out.trim_matches('-').to_owned()
}

fn clean_word(w: &str) -> String {
    w.trim_matches(|c: char| c == '.' || c == ',' || c == '"' || c == '\u{201C}' || c == '\u{201D}').to_lowercase()
}

impl PersonName {
    /// Parses a full name as typed ("Dr. Robert (Bob) van der Berg Jr.", "Doe, John").
    /// Returns `None` when nothing usable is left.
    pub fn parse(full: &str, german: bool) -> Option<Self> {
        let mut text = full.trim().to_owned();
        let mut nickname = None;
        for (open, close) in [('(', ')'), ('"', '"'), ('\u{201C}', '\u{201D}'), ('\'', '\'')] {
            if let Some(start) = text.find(open) {
                if let Some(len) = text[start + open.len_utf8()..].find(close) {
                    let inner = text[start + open.len_utf8()..start + open.len_utf8() + len].trim().to_owned();
                    // A quote that is an apostrophe inside a word (O'Neil) is not a nickname.
                    let before_ok = start == 0 || text[..start].ends_with(' ');
                    if before_ok && !inner.is_empty() && !inner.contains(' ') {
                        nickname = Some(ascii(&inner, german)).filter(|n| !n.is_empty());
                        text =
                            format!("{} {}", &text[..start], &text[start + open.len_utf8() + len + close.len_utf8()..]);
                    }
                }
            }
        }
        // "Last, First Middle" (but not "First Last, Jr.").
        if let Some((before, after)) = text.split_once(',') {
            let after_words: Vec<String> = after.split_whitespace().map(clean_word).collect();
            let only_suffixes = !after_words.is_empty() && after_words.iter().all(|w| SUFFIXES.contains(&w.as_str()));
            if !only_suffixes && !after.trim().is_empty() {
                text = format!("{} {}", after.trim(), before.trim());
            } else {
                text = before.to_owned();
            }
        }
        let mut words: Vec<&str> = text.split_whitespace().collect();
        while words.len() > 1 && TITLES.contains(&clean_word(words[0]).as_str()) {
            words.remove(0);
        }
        while words.len() > 1 && SUFFIXES.contains(&clean_word(words[words.len() - 1]).as_str()) {
            words.pop();
        }
        let has_umlaut = words.iter().any(|w| w.chars().any(|c| matches!(c, 'ä' | 'ö' | 'ü' | 'Ä' | 'Ö' | 'Ü' | 'ß')));
        // Two capitals count as initials only in a name not written all in capitals.
        let mixed_case = words.iter().any(|w| w.chars().any(char::is_lowercase));
        let looks_initial = |w: &str| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() == 1 || (mixed_case && letters.len() == 2 && letters.iter().all(|c| c.is_uppercase()))
        };
        let trailing_initials =
            words.iter().rev().take_while(|w| looks_initial(w)).count().min(words.len().saturating_sub(2));
        let mut tokens: Vec<String> = words.iter().map(|w| ascii(w, german)).filter(|w| !w.is_empty()).collect();
        if tokens.is_empty() {
            return None;
        }
        if tokens.len() == 1 {
            return Some(Self { given: tokens, family: Vec::new(), nickname, has_umlaut, trailing_initials: 0 });
        }
        // The surname is the last word plus any particles right before it.
        let mut start = tokens.len() - 1;
        while start > 1 && PARTICLES.contains(&tokens[start - 1].as_str()) {
            start -= 1;
        }
        let family = tokens.split_off(start);
        Some(Self { given: tokens, family, nickname, has_umlaut, trailing_initials })
    }
}

/// A compact table of common English nicknames and the formal names they stand for.
const NICKNAMES: &[(&str, &str)] = &[
    ("alex", "alexander"),
    ("alex", "alexandra"),
    ("andy", "andrew"),
    ("tony", "anthony"),
    ("ben", "benjamin"),
    ("bill", "william"),
    ("will", "william"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("bob", "robert"),
    ("rob", "robert"),
    ("bobby", "robert"),
    ("chris", "christopher"),
    ("chris", "christine"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("jamie", "james"),
    ("jen", "jennifer"),
    ("jenny", "jennifer"),
    ("joe", "joseph"),
    ("joey", "joseph"),
    ("jon", "jonathan"),
    ("kate", "katherine"),
    ("katie", "katherine"),
    ("kathy", "katherine"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("mick", "michael"),
    ("nick", "nicholas"),
    ("pat", "patrick"),
    ("pat", "patricia"),
    ("pete", "peter"),
    ("rick", "richard"),
    ("rich", "richard"),
    ("dick", "richard"),
    ("sam", "samuel"),
    ("sam", "samantha"),
    ("steve", "steven"),
    ("steve", "stephen"),
    ("sue", "susan"),
    ("tom", "thomas"),
    ("tim", "timothy"),
    ("vicky", "victoria"),
    ("greg", "gregory"),
    ("jeff", "jeffrey"),
    ("josh", "joshua"),
    ("zach", "zachary"),
    ("nate", "nathan"),
    ("nate", "nathaniel"),
    ("phil", "philip"),
    ("ron", "ronald"),
    ("don", "donald"),
    ("meg", "margaret"),
    ("maggie", "margaret"),
    ("peggy", "margaret"),
    ("abby", "abigail"),
    ("becky", "rebecca"),
    ("cathy", "catherine"),
    ("fred", "frederick"),
    ("gabe", "gabriel"),
    ("hank", "henry"),
    ("harry", "henry"),
    ("jack", "john"),
    ("johnny", "john"),
    ("nancy", "ann"),
    ("sandy", "sandra"),
    ("terry", "terence"),
    ("walt", "walter"),
    ("wes", "wesley"),
    ("drew", "andrew"),
    ("charlie", "charles"),
    ("chuck", "charles"),
];

/// Other names the same person may go by: the formal name for a nickname and vice versa.
pub fn also_known_as(first: &str) -> Vec<&'static str> {
    NICKNAMES
        .iter()
        .filter_map(|(nick, formal)| {
            if *nick == first {
                Some(*formal)
            } else if *formal == first {
                Some(*nick)
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(full: &str) -> (Vec<String>, Vec<String>, Option<String>) {
        let n = PersonName::parse(full, false).unwrap();
        (n.given, n.family, n.nickname)
    }

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn titles_suffixes_and_nicknames_are_set_aside() {
        assert_eq!(parts("Dr. Robert (Bob) Smith Jr."), (v(&["robert"]), v(&["smith"]), Some("bob".into())));
        assert_eq!(parts("Elizabeth \"Liz\" Taylor, PhD"), (v(&["elizabeth"]), v(&["taylor"]), Some("liz".into())));
    }

    #[test]
    fn last_comma_first_is_reordered() {
        assert_eq!(parts("Doe, John Q."), (v(&["john", "q"]), v(&["doe"]), None));
    }

    #[test]
    fn accents_apostrophes_and_particles() {
        assert_eq!(parts("José Ángel O'Neil"), (v(&["jose", "angel"]), v(&["oneil"]), None));
        assert_eq!(parts("Ludwig van der Berg"), (v(&["ludwig"]), v(&["van", "der", "berg"]), None));
        assert_eq!(parts("Chin-Liang See"), (v(&["chin-liang"]), v(&["see"]), None));
        let german = PersonName::parse("Jürgen Groß", true).unwrap();
        assert_eq!((german.given, german.family, german.has_umlaut), (v(&["juergen"]), v(&["gross"]), true));
        assert_eq!(PersonName::parse("Jürgen Groß", false).unwrap().given, v(&["jurgen"]));
    }

    #[test]
    fn nicknames_map_both_ways() {
        assert!(also_known_as("bob").contains(&"robert"));
        assert!(also_known_as("robert").contains(&"bob"));
        assert!(also_known_as("alex").contains(&"alexander"));
        assert!(also_known_as("zebulon").is_empty());
    }

    #[test]
    fn trailing_initials_are_told_apart_from_short_surnames() {
        assert_eq!(PersonName::parse("Sandeep Sheriker M", false).unwrap().trailing_initials, 1);
        assert_eq!(PersonName::parse("Ashwin Sekhar T K", false).unwrap().trailing_initials, 2);
        assert_eq!(PersonName::parse("Durai Manickam KR", false).unwrap().trailing_initials, 1);
        assert_eq!(PersonName::parse("Boon Khai Ng", false).unwrap().trailing_initials, 0);
        assert_eq!(PersonName::parse("Xi Wu", false).unwrap().trailing_initials, 0);
    }

    #[test]
    fn nothing_usable_is_none() {
        assert_eq!(PersonName::parse("  ", false), None);
        assert_eq!(PersonName::parse("!!!", false), None);
    }
}
