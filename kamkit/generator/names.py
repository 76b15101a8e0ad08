"""Name pools for the fictional course company: cities, company names, people, job titles.

All names are pinyin; cities are real Chinese cities grouped by sales region.
"""

from __future__ import annotations

import numpy as np

REGION_SHARES = {"East": 0.34, "South": 0.22, "North": 0.18, "Central": 0.15, "West": 0.11}

CITIES_BY_REGION = {
    "East": ("Shanghai", "Hangzhou", "Ningbo", "Suzhou", "Wuxi", "Nanjing", "Changzhou",
             "Wenzhou", "Jinan", "Qingdao", "Hefei", "Xiamen", "Fuzhou", "Yantai", "Shaoxing",
             "Taizhou"),
    "North": ("Beijing", "Tianjin", "Shijiazhuang", "Tangshan", "Taiyuan", "Baotou", "Shenyang",
              "Dalian", "Harbin", "Changchun", "Hohhot", "Baoding"),
    "South": ("Guangzhou", "Shenzhen", "Dongguan", "Foshan", "Zhuhai", "Zhongshan", "Huizhou",
              "Nanning", "Liuzhou", "Haikou", "Shantou", "Jiangmen"),
    "Central": ("Wuhan", "Changsha", "Zhengzhou", "Nanchang", "Luoyang", "Xiangyang", "Zhuzhou",
                "Yichang", "Ganzhou", "Xinxiang"),
    "West": ("Chengdu", "Chongqing", "Xi'an", "Kunming", "Guiyang", "Lanzhou", "Urumqi",
             "Yinchuan", "Mianyang", "Baoji"),
}

BRAND_WORDS = (
    "Hengda", "Xinyuan", "Huarui", "Jinlong", "Tianyu", "Hongsheng", "Dongfang", "Zhongxing",
    "Ruifeng", "Haitian", "Boyuan", "Kaixin", "Weiye", "Shengda", "Yongxin", "Tongda", "Jiahe",
    "Fuda", "Xinghe", "Minghua", "Anda", "Longteng", "Huaxia", "Chenguang", "Baoli", "Jintai",
    "Sanhe", "Yuanda", "Guotai", "Huatong", "Dingsheng", "Ronghua", "Hengtai", "Lianfa",
    "Xiangyu", "Zhengtai", "Qiangsheng", "Huiyuan", "Jiuding", "Runfeng", "Taihe", "Xinda",
    "Hongyuan", "Jinqiao", "Feida", "Lixin", "Wanfeng", "Chuangxin", "Yida", "Hualong",
    "Shunfa", "Haoyun", "Mingda", "Jinfeng", "Tianhe", "Kangtai", "Ruixiang", "Zhongtian",
    "Fengyuan", "Hexin",
)

INDUSTRY_WORDS = {
    "machinery": ("Machinery", "Heavy Industry", "Precision Machinery"),
    "automotive": ("Auto Parts", "Automotive Components", "Vehicle Systems"),
    "electronics": ("Electronics", "Electronic Technology", "Optoelectronics"),
    "construction": ("Construction Engineering", "Building Materials", "Steel Structure"),
    "food_processing": ("Food", "Food Industry", "Dairy"),
    "chemicals": ("Chemical", "New Materials", "Petrochemical"),
    "energy": ("Energy", "Power Equipment", "New Energy"),
    "logistics": ("Logistics", "Supply Chain", "Warehousing"),
    "wholesale": ("Industrial Supply", "Trading", "Hardware Wholesale"),
    "retail": ("Hardware Stores", "Retail Chain", "Home Improvement"),
}

SURNAMES = (
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song",
    "Tang", "Han", "Feng", "Deng", "Cao", "Peng",
)

GIVEN_NAMES = (
    "Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Yong", "Yan",
    "Jie", "Juan", "Tao", "Ming", "Chao", "Xiuying", "Hua", "Ping", "Gang", "Guiying", "Hao",
    "Xin", "Bin", "Lin", "Yu", "Dan", "Peng", "Hui", "Jian", "Ning", "Bo", "Kai", "Xiaoming",
    "Jianguo", "Haiyan", "Lina", "Zhiqiang", "Wenjie",
)

JOB_TITLES = {
    "decider": ("General Manager", "Plant Director", "Vice President Operations", "Chairman"),
    "influencer": ("Chief Engineer", "Technical Manager", "Quality Manager", "R&D Director"),
    "user": ("Workshop Supervisor", "Maintenance Engineer", "Production Manager",
             "Equipment Engineer"),
    "buyer": ("Purchasing Manager", "Procurement Specialist", "Buyer", "Supply Chain Manager"),
    "gatekeeper": ("Executive Assistant", "Purchasing Assistant", "Office Manager",
                   "Warehouse Clerk"),
}


def pick(rng: np.random.Generator, pool: tuple, n: int) -> np.ndarray:
    """``n`` values drawn uniformly from ``pool`` (an object array)."""
    return np.asarray(pool, dtype=object)[rng.integers(0, len(pool), n)]


def cities_for_regions(rng: np.random.Generator, regions: np.ndarray) -> np.ndarray:
    """A real city of each account's region, bigger cities a little more often."""
    cities = np.empty(len(regions), dtype=object)
    for region, pool in CITIES_BY_REGION.items():
        mask = regions == region
        weights = 1.0 / np.arange(1, len(pool) + 1) ** 0.6
        cities[mask] = np.asarray(pool, dtype=object)[
            rng.choice(len(pool), mask.sum(), p=weights / weights.sum())]
    return cities


def company_names(rng: np.random.Generator, cities: np.ndarray, industries: np.ndarray) -> np.ndarray:
    """Plausible pinyin company names, e.g. 'Ningbo Hengda Machinery Co., Ltd.'.

    Names are unique while the pool allows it (it does at course size).
    """
    n = len(cities)
    brand = rng.integers(0, len(BRAND_WORDS), n)
    word = rng.integers(0, 3, n)
    key = np.char.add(np.asarray(cities, dtype=str), np.char.add(np.asarray(industries, dtype=str),
                                                                  (brand * 3 + word).astype(str)))
    # re-draw duplicates a few times (vectorised over the duplicates)
    for _ in range(8):
        _, first = np.unique(key, return_index=True)
        dup = np.ones(n, bool)
        dup[first] = False
        if not dup.any():
            break
        brand[dup] = rng.integers(0, len(BRAND_WORDS), dup.sum())
        word[dup] = rng.integers(0, 3, dup.sum())
        key = np.char.add(np.asarray(cities, dtype=str), np.char.add(
            np.asarray(industries, dtype=str), (brand * 3 + word).astype(str)))
    words = np.array([INDUSTRY_WORDS[ind][w] for ind, w in zip(industries, word)], dtype=object)
    brands = np.asarray(BRAND_WORDS, dtype=object)[brand]
    return cities.astype(object) + " " + brands + " " + words + " Co., Ltd."


def person_names(rng: np.random.Generator, n: int) -> np.ndarray:
    """Pinyin person names, surname first: 'Li Wei'."""
    return pick(rng, SURNAMES, n) + " " + pick(rng, GIVEN_NAMES, n)


def job_titles(rng: np.random.Generator, roles: np.ndarray) -> np.ndarray:
    """A job title that fits each buying-centre role."""
    titles = np.empty(len(roles), dtype=object)
    for role, pool in JOB_TITLES.items():
        mask = roles == role
        titles[mask] = pick(rng, pool, mask.sum())
    return titles
