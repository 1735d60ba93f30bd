//! A fixed-size set of small numbers, one bit each: the reachable sets of the availability
//! computation are unions of these, 64 members per machine word.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    pub fn new(len: usize) -> Self {
        BitSet {
            words: vec![0; len.div_ceil(64)],
        }
    }

    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Adds the members of `other`, calling `added` with each one that was not here yet.
    pub fn union_with_new(&mut self, other: &BitSet, mut added: impl FnMut(usize)) {
        for (at, (mine, theirs)) in self.words.iter_mut().zip(&other.words).enumerate() {
            let new = theirs & !*mine;
            *mine |= new;
            Bits(new).for_each(|bit| added(at * 64 + bit));
        }
    }

    /// The members, in increasing order.
    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words
            .iter()
            .enumerate()
            .flat_map(|(at, word)| Bits(*word).map(move |bit| at * 64 + bit))
    }
}

/// The set bits of one word, lowest first.
struct Bits(u64);

impl Iterator for Bits {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let bit = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(bit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_come_back_in_order_across_words() {
        let mut set = BitSet::new(200);
        for i in [0, 63, 64, 130, 199] {
            set.insert(i);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 63, 64, 130, 199]);
        assert_eq!(set.len(), 5);
        assert!(set.contains(130) && !set.contains(131) && !set.contains(1_000));
    }

    #[test]
    fn a_union_reports_only_what_is_new() {
        let mut a = BitSet::new(130);
        let mut b = BitSet::new(130);
        a.insert(1);
        a.insert(100);
        b.insert(100);
        b.insert(129);
        let mut added = Vec::new();
        a.union_with_new(&b, |bit| added.push(bit));
        assert_eq!(added, [129]);
        assert_eq!(a.iter().collect::<Vec<_>>(), [1, 100, 129]);
    }
}
