//! Writes: visible when they return, on disk across a restart.

use super::*;

#[test]
fn upsert_replaces_a_product() {
    let index = index();
    let mut renamed = catalogue().remove(0);
    renamed.title_en = "Chaunsa Mango".into();
    renamed.title_zh = "乔萨芒果".into();
    index.upsert(vec![renamed]).expect("upsert");
    assert_eq!(index.doc_count(), 6);
    assert_eq!(top(&index, "chaunsa"), Some(MANGO));
    assert!(!ids(&index.search("5公斤礼盒", 10).expect("search")).contains(&MANGO));
}

#[test]
fn upsert_keeps_the_last_copy_of_a_repeated_id() {
    let index = SearchIndex::open(None).expect("open");
    let first = doc(7, "Ajrak shawl", "", "", "");
    let second = doc(7, "Multani pottery", "", "", "");
    index.upsert(vec![first, second]).expect("upsert");
    assert_eq!(index.doc_count(), 1);
    assert_eq!(top(&index, "pottery"), Some(7));
    assert_eq!(top(&index, "ajrak"), None);
}

#[test]
fn remove_takes_products_out() {
    let index = index();
    index.remove(&[MANGO, 999]).expect("remove");
    assert_eq!(index.doc_count(), 5);
    assert_eq!(top(&index, "mango"), None);
    assert_eq!(top(&index, "芒果"), None);
}

#[test]
fn replace_all_drops_every_other_product() {
    let index = index();
    let rice = catalogue().remove(3);
    index.replace_all(vec![rice]).expect("replace");
    assert_eq!(index.doc_count(), 1);
    assert_eq!(top(&index, "mango"), None);
    assert_eq!(top(&index, "basmati"), Some(RICE));
}

#[test]
fn the_index_can_be_shared_between_threads() {
    fn shareable<T: Send + Sync + Clone + 'static>() {}
    shareable::<SearchIndex>();
}

#[test]
fn an_index_on_disk_survives_a_restart() {
    let dir = std::env::temp_dir().join(format!("pavilion-search-test-{}", std::process::id()));
    {
        let index = SearchIndex::open(Some(&dir)).expect("create on disk");
        index.replace_all(catalogue()).expect("index");
    }
    let reopened = SearchIndex::open(Some(&dir)).expect("reopen");
    assert_eq!(reopened.doc_count(), 6);
    assert_eq!(top(&reopened, "芒果"), Some(MANGO));
    drop(reopened);
    std::fs::remove_dir_all(&dir).expect("clean up");
}
