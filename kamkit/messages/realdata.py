"""Messages of the real-ledger loader (UCI Online Retail): cleaning report, download."""

MESSAGES = {
    "exclude.non_product": (
        "lines that are not products (postage, carriage, fees, manual entries, vouchers)",
        "不是产品的行（邮费、运费、手续费、手工录入、礼品券）"),
    "exclude.bad_price": (
        "lines with a price or quantity of zero or less that are not cancellations "
        "(free items, stock write-offs, bad-debt adjustments)",
        "价格或数量小于等于零、又不是取消单的行（赠品、库存核销、坏账调整）"),
    "realdata.kept": ("kept: product sales to identified customers",
                      "保留：有客户编号的产品销售"),
    "realdata.kept_returns": ("kept as returns: cancellations (netted against the account's sales)",
                              "作为退货保留：取消单（与该客户的销售相抵）"),
    "realdata.not_found": (
        "the UCI Online Retail ledger was not found (looked in: {places}). Download it once "
        "with `load_online_retail(download=True)` (it is then cached in {cache}), set "
        "KAMKIT_ONLINE_RETAIL to your copy, or pass its path.",
        "找不到 UCI Online Retail 交易明细（查找过：{places}）。请运行一次 "
        "`load_online_retail(download=True)` 下载（之后缓存在 {cache}），或把 "
        "KAMKIT_ONLINE_RETAIL 设为你的副本路径，或直接传入文件路径。"),
    "realdata.bad_checksum": (
        "'{path}' is damaged: its sha256 is {got}, but the reference copy's is {expected}. "
        "Delete it and get it again, e.g. with `load_online_retail(download=True)`.",
        "'{path}' 已损坏：它的 sha256 是 {got}，而参考副本的是 {expected}。"
        "请删除它后重新获取，例如运行 `load_online_retail(download=True)`。"),
    "realdata.unreadable": (
        "could not read '{path}' ({error}); the file is probably damaged (an interrupted "
        "download). Delete it and get it again, e.g. with `load_online_retail(download=True)`.",
        "无法读取 '{path}'（{error}）；文件可能已损坏（下载中断）。"
        "请删除它后重新获取，例如运行 `load_online_retail(download=True)`。"),
    "realdata.bad_shape": (
        "the Online Retail ledger should have {expected_rows:,} lines and the columns "
        "{expected_columns}; this one has {rows:,} lines and the columns {columns}.",
        "Online Retail 交易明细应有 {expected_rows:,} 行，列为 {expected_columns}；"
        "这份数据有 {rows:,} 行，列为 {columns}。"),
    "realdata.bad_quantity": (
        "the quantities of the Online Retail ledger should add up to {expected:,}, but they add "
        "up to {got:,}: the file is damaged or another version of the data.",
        "Online Retail 交易明细的数量合计应为 {expected:,}，实际为 {got:,}："
        "文件已损坏，或者是另一个版本的数据。"),
    "realdata.download_failed": (
        "could not download {url} ({error}). Check the internet connection, or download the "
        "zip in a browser and pass its path: `load_online_retail('online+retail.zip')`.",
        "无法下载 {url}（{error}）。请检查网络连接，或用浏览器下载该 zip 文件后传入路径："
        "`load_online_retail('online+retail.zip')`。"),
    "realdata.bad_zip": (
        "'{path}' is not the UCI Online Retail zip: it has no Excel workbook (.xlsx) inside.",
        "'{path}' 不是 UCI Online Retail 的 zip 文件：里面没有 Excel 工作簿（.xlsx）。"),
}
