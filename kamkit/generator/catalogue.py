"""The product catalogue of the course company (120 products, 8 categories)."""

from __future__ import annotations

import numpy as np
import pandas as pd

#: category -> (product type, gross margin range at list price, [(name, list price CNY), ...])
CATALOGUE = {
    "fasteners": ("consumable", (0.28, 0.42), [
        ("Hex bolt M6x30, box of 200", 38), ("Hex bolt M8x40, box of 200", 56),
        ("Hex bolt M10x50, box of 100", 64), ("Hex bolt M12x60, box of 100", 92),
        ("Hex bolt M16x80, box of 50", 118), ("Hex nut M8, box of 500", 42),
        ("Hex nut M12, box of 300", 58), ("Flat washer M10, box of 1000", 35),
        ("Spring washer M12, box of 500", 39), ("Socket cap screw M5x20, box of 200", 45),
        ("Socket cap screw M8x30, box of 200", 78), ("Self-tapping screw 4.2x25, box of 1000", 49),
        ("Anchor bolt M12x120, box of 50", 135), ("Stud bolt M20x150, box of 20", 168),
        ("Blind rivet 4.0x10, box of 1000", 62), ("Threaded rod M10x1000, pack of 10", 88),
        ("U-bolt M10, pack of 20", 96), ("Wing nut M8, box of 200", 52),
        ("Nylon lock nut M10, box of 300", 71), ("T-bolt M12 for slots, pack of 50", 142),
        ("Lifting eye bolt M16, pack of 10", 156), ("Stainless A4 bolt assortment", 385),
    ]),
    "cutting_tools": ("consumable", (0.27, 0.40), [
        ("HSS drill bit set 1-13 mm", 268), ("Carbide drill 8 mm", 186), ("Carbide drill 12 mm", 298),
        ("Carbide end mill 6 mm", 145), ("Carbide end mill 10 mm", 236), ("Carbide end mill 16 mm", 420),
        ("Turning insert CNMG 120408, box of 10", 380), ("Milling insert APMT 1604, box of 10", 295),
        ("Thread tap M8, set of 3", 88), ("Thread tap M12, set of 3", 126), ("Reamer 10H7", 210),
        ("Band saw blade 27 mm", 330), ("Circular saw blade 350 mm", 560),
        ("Cut-off wheel 125 mm, box of 50", 115), ("Grinding wheel 180 mm, box of 10", 198),
        ("Flap disc 125 mm, box of 20", 132), ("Boring bar 20 mm", 890),
        ("Indexable face mill 80 mm", 1680), ("Countersink set 6-20 mm", 175),
        ("Carbide burr set, 10 pieces", 455),
    ]),
    "safety": ("consumable", (0.28, 0.40), [
        ("Cut-resistant gloves, 12 pairs", 156), ("Nitrile gloves, box of 100", 48),
        ("Safety glasses, pack of 10", 95), ("Safety helmet, pack of 5", 175),
        ("Safety shoes, pair", 268), ("Ear plugs, box of 200", 86),
        ("Ear muffs", 138), ("Dust mask KN95, box of 50", 76), ("Half-face respirator", 215),
        ("Respirator filter cartridges, 10 pairs", 320), ("Hi-vis vest, pack of 10", 120),
        ("Full-body harness", 540), ("Shock-absorbing lanyard", 310),
        ("Welding helmet, auto-darkening", 460), ("Fire extinguisher 4 kg", 185),
        ("First-aid kit, workshop", 240), ("Eye-wash station", 780), ("Lockout-tagout kit", 650),
    ]),
    "lubricants": ("consumable", (0.26, 0.36), [
        ("Cutting fluid, 20 L drum", 460), ("Hydraulic oil ISO 46, 200 L", 2850),
        ("Hydraulic oil ISO 68, 18 L", 320), ("Gear oil 220, 18 L", 390),
        ("Lithium grease, 15 kg", 420), ("High-temperature grease, 1 kg", 98),
        ("Spindle oil, 18 L", 285), ("Compressor oil, 20 L", 520), ("Rust preventive spray, 12 cans", 168),
        ("Chain lubricant, 12 cans", 192), ("Food-grade lubricant, 4 kg", 365),
        ("Way oil, 200 L", 3150),
    ]),
    "power_tools": ("consumable", (0.25, 0.34), [
        ("Cordless drill 18 V", 980), ("Angle grinder 125 mm", 560), ("Impact wrench 1/2 in.", 1450),
        ("Rotary hammer SDS-plus", 1280), ("Jigsaw", 720), ("Circular saw 185 mm", 890),
        ("Bench grinder 200 mm", 1150), ("Magnetic drill press", 4800), ("Heat gun", 380),
        ("Cordless impact driver 18 V", 1080), ("Battery pack 18 V 5 Ah", 560),
        ("Die grinder", 640), ("Belt sander", 860), ("Torque wrench 40-200 Nm", 1320),
    ]),
    "spare_parts": ("spare_part", (0.32, 0.45), [
        ("Deep-groove ball bearing 6205", 45), ("Spherical roller bearing 22210", 680),
        ("Linear guide rail 1 m", 1450), ("Ball screw 20x5, 800 mm", 2380), ("V-belt B-60", 65),
        ("Timing belt HTD 8M", 310), ("Roller chain 12B, 5 m", 420), ("Hydraulic pump gear type", 3650),
        ("Solenoid valve 24 V", 520), ("Pneumatic cylinder 63x200", 890), ("Servo motor 1 kW", 5600),
        ("Frequency inverter 7.5 kW", 4900), ("Proximity sensor", 185), ("Mechanical seal 35 mm", 760),
        ("Coupling, jaw type", 230), ("Gearbox worm 1:30", 2900), ("Contactor 32 A", 260),
        ("PLC I/O module", 3300),
    ]),
    "machinery": ("equipment", (0.24, 0.30), [
        ("Bench drilling machine line", 220_000), ("Hydraulic press 100 t", 380_000),
        ("CNC lathe 400 mm", 560_000), ("Fibre laser cutter 3 kW", 780_000),
        ("Vertical machining centre", 950_000), ("Press brake 200 t CNC", 1_250_000),
        ("5-axis machining centre", 1_680_000), ("Automated welding cell", 2_350_000),
    ]),
    "services": ("service", (0.40, 0.45), [
        ("Preventive maintenance contract, per quarter", 12_000),
        ("On-site repair call", 2_800), ("Machine installation and commissioning", 36_000),
        ("Operator training, per day", 4_500), ("Safety training, per day", 3_800),
        ("Vendor-managed inventory service, per month", 6_500), ("Tool regrinding service, per batch", 2_200),
        ("Lubrication audit", 9_800),
    ]),
}

CATEGORIES = tuple(CATALOGUE)
#: categories bought in ordinary orders (machinery enters separately, rarely)
ORDINARY_CATEGORIES = tuple(c for c in CATEGORIES if c != "machinery")


def build_catalogue(rng: np.random.Generator) -> pd.DataFrame:
    """The product table, plus an internal ``cat_code`` (index into ``CATEGORIES``)
    and ``rank_in_category`` (0 = first listed)."""
    rows = []
    for code, (category, (ptype, (m_low, m_high), items)) in enumerate(CATALOGUE.items()):
        margins = rng.uniform(m_low, m_high, len(items))
        for rank, ((name, price), margin) in enumerate(zip(items, margins)):
            rows.append((name, category, ptype, float(price), round(price * (1 - margin), 2), code, rank))
    frame = pd.DataFrame(rows, columns=["product_name", "category", "product_type", "list_price",
                                        "unit_cost", "cat_code", "rank_in_category"])
    frame.insert(0, "product_id", [f"P{i + 1:03d}" for i in range(len(frame))])
    return frame


def category_product_table(products: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For each category code: offset of its first product and its number of products."""
    counts = products.groupby("cat_code").size().reindex(range(len(CATEGORIES))).to_numpy()
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    return offsets, counts
