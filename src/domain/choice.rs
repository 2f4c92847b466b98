//! The fixed choices a user picks from (roles, channels, stages...): one declaration gives
//! each its stable storage key, its label on screen and the list of all its values.

/// A fixed set of values the user picks from, with stable keys and labels.
pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in display order.
    fn all() -> &'static [Self];
    /// The stable key (storage and form values).
    fn key(self) -> &'static str;
    /// What the user sees.
    fn label(self) -> &'static str;
    /// The value whose key this is.
    fn from_key(key: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.key() == key)
    }
}

/// Declares a choice enum with a stable key (used in storage and form values) and a label.
///
/// Keys are part of the stored format: never rename one without a migration.
#[macro_export]
macro_rules! choice {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = ($key:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant),+
        }

        impl $name {
            /// Every value, in the order shown to the user.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable key, as stored and as used in form values.
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// What the user sees.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value whose key this is, if any.
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }

        impl $crate::domain::choice::Choice for $name {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn key(self) -> &'static str {
                $name::key(self)
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}
