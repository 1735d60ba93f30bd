//! The left panel's forms.

mod field_row;
mod properties;
mod variables;
mod widgets;

pub use properties::properties_form;
pub use variables::variables_form;
pub use widgets::request_field_focus;
