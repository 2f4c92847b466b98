//! The guide's LinkedIn research in one step: People-search links for a company's recruiters,
//! talent acquisition and HR, and for the likely hiring managers, plus the same searches as
//! web-search "X-ray" queries for people not signed in to LinkedIn.
//!
//! Only the free-text filters (`keywords`, `titleFreeText`, `company`) are used: the numeric
//! company and location ids would need LinkedIn's servers to look up.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters is encoded, so quotes, `&`, `#`, `+` and
/// any script survive the trip through a URL.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

const PEOPLE_SEARCH: &str = "https://www.linkedin.com/search/results/people/";
const WEB_SEARCH: &str = "https://duckduckgo.com/";

/// What to search for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchRequest {
    pub company: String,
    /// The role I want (for the likely hiring managers), optional.
    pub role: String,
    /// A location keyword, optional.
    pub location: String,
}

/// Which kind of people a search finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Recruiting,
    HiringManagers,
}

/// One search, as a LinkedIn link and as a web-search query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleSearch {
    pub label: String,
    pub audience: Audience,
    /// The title filter used (as typed into LinkedIn's Title box).
    pub title: String,
    pub linkedin_url: String,
    /// `site:linkedin.com/in ...` for a web search engine.
    pub xray_query: String,
    pub xray_url: String,
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// A phrase for a search query: trimmed, inner double quotes removed, then quoted.
fn phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "").split_whitespace().collect::<Vec<_>>().join(" "))
}

fn linkedin_url(req: &SearchRequest, title: &str) -> String {
    let mut keywords = req.company.trim().to_owned();
    if !req.location.trim().is_empty() {
        keywords = format!("{keywords} {}", req.location.trim());
    }
    format!(
        "{PEOPLE_SEARCH}?keywords={}&titleFreeText={}&company={}&origin=GLOBAL_SEARCH_HEADER",
        encode(&keywords),
        encode(title),
        encode(req.company.trim())
    )
}

fn xray(req: &SearchRequest, titles: &[&str]) -> String {
    let titles = if titles.len() == 1 {
        phrase(titles[0])
    } else {
        format!("({})", titles.iter().map(|t| phrase(t)).collect::<Vec<_>>().join(" OR "))
    };
    let mut q = format!("site:linkedin.com/in {} {titles}", phrase(&req.company));
    if !req.location.trim().is_empty() {
        q = format!("{q} {}", phrase(&req.location));
    }
    q
}

/// The searches for a company (and, with a role, its likely hiring managers).
/// Empty when no company is given.
///
/// ```
/// use follow_up::domain::finding::linkedin_search::{searches, SearchRequest};
/// let s = searches(&SearchRequest { company: "RiseSmart".into(), ..Default::default() });
/// assert_eq!(s[0].label, "Recruiters at RiseSmart");
/// assert!(s[0].linkedin_url.starts_with("https://www.linkedin.com/search/results/people/?keywords=RiseSmart&titleFreeText=Recruiter&company=RiseSmart"));
/// ```
pub fn searches(req: &SearchRequest) -> Vec<PeopleSearch> {
    let company = req.company.trim();
    if company.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut push = |label: String, audience: Audience, titles: &[&str]| {
        let title = if titles.len() == 1 {
            titles[0].to_owned()
        } else {
            titles
                .iter()
                .map(|t| if t.contains(' ') { phrase(t) } else { (*t).to_owned() })
                .collect::<Vec<_>>()
                .join(" OR ")
        };
        let query = xray(req, titles);
        out.push(PeopleSearch {
            label,
            audience,
            linkedin_url: linkedin_url(req, &title),
            xray_url: format!("{WEB_SEARCH}?q={}", encode(&query)),
            xray_query: query,
            title,
        });
    };
    push(format!("Recruiters at {company}"), Audience::Recruiting, &["Recruiter"]);
    push(format!("Talent acquisition at {company}"), Audience::Recruiting, &["Talent Acquisition"]);
    push(format!("Human resources at {company}"), Audience::Recruiting, &["Human Resources"]);
    push(
        format!("All three at {company}"),
        Audience::Recruiting,
        &["Recruiter", "Talent Acquisition", "Human Resources"],
    );
    let role = req.role.trim();
    if !role.is_empty() {
        let manager = format!("{role} Manager");
        let director = format!("{role} Director");
        push(format!("{manager}s at {company}"), Audience::HiringManagers, &[&manager]);
        push(format!("{director}s at {company}"), Audience::HiringManagers, &[&director]);
        push(format!("People titled \"{role}\" at {company}"), Audience::HiringManagers, &[role]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recruiting_searches_come_one_per_title_and_combined() {
        let s = searches(&SearchRequest { company: "Acme".into(), ..Default::default() });
        let titles: Vec<&str> = s.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Recruiter",
                "Talent Acquisition",
                "Human Resources",
                "Recruiter OR \"Talent Acquisition\" OR \"Human Resources\""
            ]
        );
        assert_eq!(
            s[3].xray_query,
            "site:linkedin.com/in \"Acme\" (\"Recruiter\" OR \"Talent Acquisition\" OR \"Human Resources\")"
        );
    }

    #[test]
    fn a_role_adds_the_likely_hiring_managers() {
        let s = searches(&SearchRequest {
            company: "Acme".into(),
            role: "Data Engineering".into(),
            location: "Berlin".into(),
        });
        let hm: Vec<&str> =
            s.iter().filter(|x| x.audience == Audience::HiringManagers).map(|x| x.title.as_str()).collect();
        assert_eq!(hm, ["Data Engineering Manager", "Data Engineering Director", "Data Engineering"]);
        assert!(s[4]
            .linkedin_url
            .contains("keywords=Acme%20Berlin&titleFreeText=Data%20Engineering%20Manager&company=Acme"));
        assert_eq!(s[4].xray_query, "site:linkedin.com/in \"Acme\" \"Data Engineering Manager\" \"Berlin\"");
    }

    #[test]
    fn no_company_no_searches() {
        assert!(searches(&SearchRequest::default()).is_empty());
    }
}
