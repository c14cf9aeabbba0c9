//! Property tests of OSV range evaluation: arbitrary input never panics, and a simple
//! `[introduced, fixed)` range agrees with SemVer precedence.

use diligence_advisory::range::{affects, lowest_fixed_above, parse_version};
use diligence_advisory::{AffectedPackage, Event};
use proptest::prelude::*;

fn event() -> impl Strategy<Value = Event> {
    let v = prop_oneof![
        Just("0".to_string()),
        Just("*".to_string()),
        "[0-9]{1,3}(\\.[0-9]{1,3}){0,3}(-[a-z0-9.]{0,6})?(\\+[a-z0-9]{0,3})?",
        ".{0,12}",
    ];
    (0..4u8, v).prop_map(|(k, v)| match k {
        0 => Event::Introduced(v),
        1 => Event::Fixed(v),
        2 => Event::LastAffected(v),
        _ => Event::Limit(v),
    })
}

fn semver() -> impl Strategy<Value = String> {
    (
        0..4u64,
        0..4u64,
        0..4u64,
        prop::option::of("(alpha|beta|rc)(\\.[0-9])?"),
    )
        .prop_map(|(a, b, c, pre)| match pre {
            Some(p) => format!("{a}.{b}.{c}-{p}"),
            None => format!("{a}.{b}.{c}"),
        })
}

proptest! {
    #[test]
    fn arbitrary_ranges_never_panic(
        ranges in prop::collection::vec(prop::collection::vec(event(), 0..6), 0..4),
        versions in prop::collection::vec(".{0,10}", 0..3),
        locked in prop_oneof![semver(), ".{0,16}"],
    ) {
        let p = AffectedPackage { name: "p".into(), versions, ranges };
        let _ = affects(&p, &locked);
        let _ = lowest_fixed_above(&p, &locked);
    }

    #[test]
    fn half_open_range_matches_precedence(lo in semver(), hi in semver(), v in semver()) {
        let (l, h, x) = (
            parse_version(&lo).expect("lo"),
            parse_version(&hi).expect("hi"),
            parse_version(&v).expect("v"),
        );
        // (With fixed <= introduced the OSV walk gives "from introduced on": see range.rs.)
        prop_assume!(l < h);
        let p = AffectedPackage {
            name: "p".into(),
            versions: Vec::new(),
            ranges: vec![vec![Event::Fixed(hi.clone()), Event::Introduced(lo.clone())]],
        };
        prop_assert_eq!(affects(&p, &v), l <= x && x < h);
    }
}
