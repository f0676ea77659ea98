//! Product search: tantivy with Chinese word segmentation (jieba), English stemming,
//! pinyin and typo tolerance. (Being written.)
