//! Small widgets every screen uses: labelled form fields, safe links, file downloads, long lists.

pub mod download;
pub mod field;
pub mod show_more;
pub mod web_link;
pub mod windowed_list;

pub use download::download_text;
pub use field::{ChoiceSelect, FormProblem, OptionalChoiceSelect, TextArea, TextField};
pub use show_more::{ShowMore, PAGE};
pub use web_link::WebLink;
pub use windowed_list::WindowedList;
