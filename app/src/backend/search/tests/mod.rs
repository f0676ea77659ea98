//! Behaviour of the index, on a few made-up products, in RAM (one on disk).

mod finding;
mod suggesting;
mod timing;
mod updating;

use super::*;

const MANGO: i64 = 1;
const SALT: i64 = 2;
const FOOTBALL: i64 = 3;
const RICE: i64 = 4;
const VINEGAR: i64 = 5;
const MASALA: i64 = 6;

fn doc(id: i64, title_en: &str, title_zh: &str, text_en: &str, text_zh: &str) -> SearchDoc {
    SearchDoc {
        id,
        title_en: title_en.into(),
        title_zh: title_zh.into(),
        text_en: text_en.into(),
        text_zh: text_zh.into(),
    }
}

fn catalogue() -> Vec<SearchDoc> {
    vec![
        doc(
            MANGO,
            "Sindhri Mango, 5 kg box",
            "信德芒果 5公斤礼盒",
            "Sweet and fragrant, from Mirpur Khas, Sindh. Fruit. Khan Orchards, Hyderabad",
            "来自信德省米尔布尔卡斯，香甜多汁。水果。汗氏果园，海德拉巴",
        ),
        doc(
            SALT,
            "Himalayan Pink Salt, 1 kg",
            "喜马拉雅玫瑰盐 1公斤",
            "Rock salt from the Khewra mine. Spices. Salt Range Traders, Jhelum",
            "来自凯沃拉盐矿的岩盐。调料。盐岭贸易，杰赫勒姆",
        ),
        doc(
            FOOTBALL,
            "Hand-stitched Sialkot Football, size 5",
            "锡亚尔科特手工缝制足球 5号",
            "Match ball stitched by hand. Sports. Sialkot Sports Co, Sialkot",
            "手工缝制的比赛用球。体育用品。锡亚尔科特体育，锡亚尔科特",
        ),
        doc(
            RICE,
            "Basmati Rice, extra long grain, 5 kg",
            "巴斯马蒂大米 特长粒 5公斤",
            "Aged two years in the Punjab. Grains. Punjab Grain House, Lahore",
            "旁遮普陈年两年。粮油。旁遮普粮行，拉合尔",
        ),
        doc(
            VINEGAR,
            "Malt Vinegar, 500 ml",
            "麦芽醋 500毫升",
            "Brewed from barley. Condiments. Karachi Pantry, Karachi",
            "大麦酿造。调味品。卡拉奇食品柜，卡拉奇",
        ),
        doc(
            MASALA,
            "Biryani Masala, 50 g",
            "印度香饭香料 50克",
            "A spice mix to cook with rice. Spices. Karachi Pantry, Karachi",
            "与米饭同煮的混合香料。调料。卡拉奇食品柜，卡拉奇",
        ),
    ]
}

fn index() -> SearchIndex {
    let index = SearchIndex::open(None).expect("open in RAM");
    index.replace_all(catalogue()).expect("index the catalogue");
    index
}

fn ids(hits: &[SearchHit]) -> Vec<i64> {
    hits.iter().map(|h| h.id).collect()
}

fn top(index: &SearchIndex, query: &str) -> Option<i64> {
    index
        .search(query, 10)
        .expect("search")
        .first()
        .map(|h| h.id)
}

fn top_suggestion(index: &SearchIndex, query: &str) -> Option<i64> {
    index
        .suggest(query, 5)
        .expect("suggest")
        .first()
        .map(|h| h.id)
}
