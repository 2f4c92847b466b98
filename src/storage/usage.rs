//! How full this site's browser storage is, and when to warn about it.

/// Chromium, Firefox and Safari give a site about 5 Mi UTF-16 units of localStorage (keys and
/// values together); the API does not say, so this is the figure to measure against.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// From this share on, the app warns and offers a backup.
pub const WARN_AT: f64 = 0.8;

/// The space used by everything this site stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// UTF-16 units of every key and value.
    pub used: usize,
    pub quota: usize,
}

impl Usage {
    pub fn new(used: usize) -> Self {
        Self { used, quota: QUOTA_UNITS }
    }

    /// 0 to 1 (more if the browser allows more than the usual quota).
    pub fn share(&self) -> f64 {
        self.used as f64 / self.quota.max(1) as f64
    }

    /// Whether it is time to warn.
    pub fn near_limit(&self) -> bool {
        self.share() >= WARN_AT
    }

    /// "83% full", rounded down so 79.9% never reads as 80%.
    pub fn percent(&self) -> u32 {
        (self.share() * 100.0).floor() as u32
    }

    /// The warning shown when near the limit.
    pub fn warning(&self) -> String {
        format!(
            "This browser's storage for Follow-up is {}% full. Download a backup now; when it is full, new changes cannot be saved (nothing already saved is lost).",
            self.percent()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warning_starts_at_eighty_percent() {
        assert!(!Usage::new(QUOTA_UNITS * 79 / 100).near_limit());
        assert!(Usage::new(QUOTA_UNITS * 80 / 100 + 1).near_limit());
        assert_eq!(Usage::new(QUOTA_UNITS * 83 / 100 + 5).percent(), 83);
        assert!(Usage::new(QUOTA_UNITS * 83 / 100 + 5).warning().contains("83% full"));
        assert_eq!(Usage::new(QUOTA_UNITS * 799 / 1000).percent(), 79);
    }
}
