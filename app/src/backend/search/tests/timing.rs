//! A timing check over 10,000 made-up products; run by hand.

use super::*;

/// `cargo test --release -p app --features ssr backend::search -- --ignored --nocapture`
#[test]
#[ignore = "timing, run by hand"]
fn searching_ten_thousand_products_takes_well_under_five_milliseconds() {
    let index = SearchIndex::open(None).expect("open");
    let base = catalogue();
    // A made-up vocabulary, so the term dictionaries are as big as a real catalogue's.
    let mut seed: u64 = 42;
    let mut next = move |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) % n
    };
    let mut word = |latin: bool| -> String {
        let len = 4 + next(6);
        (0..len)
            .filter_map(|_| match latin {
                true => char::from_u32(u32::from(b'a') + next(26) as u32),
                false => char::from_u32(0x4E00 + next(3000) as u32),
            })
            .collect()
    };
    let docs: Vec<SearchDoc> = (0..10_000)
        .map(|i| {
            let mut d = base[i % base.len()].clone();
            let en: Vec<String> = (0..12).map(|_| word(true)).collect();
            let zh: Vec<String> = (0..6).map(|_| word(false)).collect();
            d.id = i as i64;
            d.title_en = format!("{} {} {}", d.title_en, en[0], en[1]);
            d.title_zh = format!("{}{}", d.title_zh, zh[0]);
            d.text_en = format!("{} {}", d.text_en, en[2..].join(" "));
            d.text_zh = format!("{}{}", d.text_zh, zh[1..].concat());
            d
        })
        .collect();
    let started = std::time::Instant::now();
    index.replace_all(docs).expect("index");
    println!("indexed 10k docs in {:?}", started.elapsed());
    let queries = [
        "mango",
        "芒果",
        "mnago",
        "mang guo",
        "basmati 大米",
        "sialkot football",
        "5 kg pink salt from the himalayas",
    ];
    let rounds = 100;
    let mut worst = std::time::Duration::ZERO;
    for query in queries {
        let found = index.search(query, 20).expect("search");
        assert!(!found.is_empty(), "{query:?}");
        let started = std::time::Instant::now();
        for _ in 0..rounds {
            index.search(query, 20).expect("search");
        }
        let each = started.elapsed() / rounds;
        println!("search {query:?}: {each:?}");
        worst = worst.max(each);
    }
    // The listing asks for up to 2,000 candidates to filter and count facets over.
    for query in ["kg", "5 kg pink salt from the himalayas"] {
        let started = std::time::Instant::now();
        for _ in 0..rounds {
            index.search(query, 2_000).expect("search");
        }
        println!(
            "search {query:?}, 2000 hits: {:?}",
            started.elapsed() / rounds
        );
    }
    let started = std::time::Instant::now();
    for _ in 0..rounds {
        index.suggest("sindhri man", 10).expect("suggest");
    }
    println!("suggest \"sindhri man\": {:?}", started.elapsed() / rounds);
    assert!(worst.as_millis() < 5, "slowest search took {worst:?}");
}
