//! Property test: every address the app accepts as a link is one an independent URL parser
//! also reads as an http(s) URL with a host; every non-http scheme is refused.
#![cfg(not(target_arch = "wasm32"))]

use follow_up::domain::WebUrl;
use proptest::prelude::*;

proptest! {
    #[test]
    fn accepted_links_are_real_http_urls(text in "(https?|HTTPS|javascript|data|ftp|file)(://|:)[a-zA-Z0-9.:@\\[\\]\\-_/?#&=%+ ]{0,40}") {
        if let Ok(link) = WebUrl::parse(&text) {
            let parsed = url::Url::parse(link.as_str());
            prop_assert!(parsed.is_ok(), "{:?} accepted but not a URL: {:?}", text, parsed);
            let parsed = parsed.unwrap();
            prop_assert!(matches!(parsed.scheme(), "http" | "https"));
            prop_assert!(parsed.host().is_some());
        }
    }

    #[test]
    fn other_schemes_are_never_links(scheme in "[a-zA-Z][a-zA-Z0-9+.-]{0,10}", rest in "[ -~]{0,30}") {
        let text = format!("{scheme}:{rest}");
        let lower = scheme.to_ascii_lowercase();
        if lower != "http" && lower != "https" {
            prop_assert!(WebUrl::parse(&text).is_err());
        }
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in "\\PC{0,80}") {
        let _ = WebUrl::parse(&text);
    }
}
