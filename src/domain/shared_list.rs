//! A list whose copies share their items until one is changed (copy on write).
//!
//! Every edit starts from a copy of the records, so a failed save can leave what is on screen
//! untouched. With 130,000 items a deep copy costs tens of milliseconds, and telling which
//! stored blocks changed meant comparing every item. Here a copy copies pointers, a change
//! copies only the item it touches, and two lists can tell an unchanged item by its address.

use std::ops::Index;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A list of records, shared between copies until changed.
#[derive(Debug)]
pub struct SharedList<T>(Vec<Arc<T>>);

impl<T> SharedList<T> {
    /// An empty list.
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator + Clone {
        self.0.iter().map(|item| &**item)
    }

    pub fn get(&self, index: usize) -> Option<&T> {
        self.0.get(index).map(|item| &**item)
    }

    /// Replaces the item at `index`.
    pub fn set(&mut self, index: usize, item: T) {
        self.0[index] = Arc::new(item);
    }

    pub fn push(&mut self, item: T) {
        self.0.push(Arc::new(item));
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.0.retain(|item| keep(item));
    }

    pub fn truncate(&mut self, len: usize) {
        self.0.truncate(len);
    }

    pub fn append(&mut self, other: &mut Self) {
        self.0.append(&mut other.0);
    }

    /// The items as shared pointers, for telling unchanged runs apart by address
    /// ([`same_items`]).
    pub fn shared(&self) -> &[Arc<T>] {
        &self.0
    }
}

impl<T: Clone> SharedList<T> {
    /// The first item matching `pred`, to change; only that item is copied.
    pub fn find_mut(&mut self, mut pred: impl FnMut(&T) -> bool) -> Option<&mut T> {
        self.0.iter_mut().find(|item| pred(item)).map(Arc::make_mut)
    }

    /// The item at `index`, to change; only that item is copied.
    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        self.0.get_mut(index).map(Arc::make_mut)
    }

    /// Changes the items matching `pred`; only those are copied.
    pub fn update_where(&mut self, mut pred: impl FnMut(&T) -> bool, mut change: impl FnMut(&mut T)) {
        for item in self.0.iter_mut().filter(|item| pred(item)) {
            change(Arc::make_mut(item));
        }
    }

    /// Every item, to change. Each one visited is copied if a copy of the list shares it, so
    /// prefer [`SharedList::find_mut`] or a filter first.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.0.iter_mut().map(Arc::make_mut)
    }
}

/// Whether two runs of items are equal, comparing by address first: items a copy still
/// shares are equal without looking inside.
pub fn same_items<T: PartialEq>(a: &[Arc<T>], b: &[Arc<T>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y) || **x == **y)
}

impl<T> Clone for SharedList<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> Default for SharedList<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: PartialEq> PartialEq for SharedList<T> {
    fn eq(&self, other: &Self) -> bool {
        same_items(&self.0, &other.0)
    }
}

impl<T: Eq> Eq for SharedList<T> {}

impl<T> Index<usize> for SharedList<T> {
    type Output = T;
    fn index(&self, index: usize) -> &T {
        &self.0[index]
    }
}

impl<T> From<Vec<T>> for SharedList<T> {
    fn from(items: Vec<T>) -> Self {
        items.into_iter().collect()
    }
}

impl<T> FromIterator<T> for SharedList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Self(items.into_iter().map(Arc::new).collect())
    }
}

impl<T> Extend<T> for SharedList<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        self.0.extend(items.into_iter().map(Arc::new));
    }
}

impl<'a, T> IntoIterator for &'a SharedList<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Arc<T>>, fn(&'a Arc<T>) -> &'a T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|item| &**item)
    }
}

impl<T: Serialize> Serialize for SharedList<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for SharedList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_shares_items_until_one_is_changed() {
        let list: SharedList<String> = vec!["a".to_owned(), "b".to_owned()].into();
        let mut copy = list.clone();
        *copy.find_mut(|s| s == "b").unwrap() = "c".to_owned();
        assert_eq!(list.iter().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(copy.iter().collect::<Vec<_>>(), ["a", "c"]);
        assert!(Arc::ptr_eq(&list.shared()[0], &copy.shared()[0]));
        assert!(!Arc::ptr_eq(&list.shared()[1], &copy.shared()[1]));
        assert!(!same_items(list.shared(), copy.shared()));
    }

    #[test]
    fn equal_items_at_different_addresses_are_equal() {
        let a: SharedList<u32> = vec![1, 2].into();
        let b: SharedList<u32> = vec![1, 2].into();
        assert_eq!(a, b);
        assert_ne!(a, vec![1, 3].into());
        assert_ne!(a, vec![1].into());
    }

    #[test]
    fn it_is_stored_as_a_plain_list() {
        let a: SharedList<u32> = vec![1, 2].into();
        assert_eq!(serde_json::to_string(&a).unwrap(), "[1,2]");
        assert_eq!(serde_json::from_str::<SharedList<u32>>("[1,2]").unwrap(), a);
    }
}
