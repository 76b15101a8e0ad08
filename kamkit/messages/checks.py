"""Messages of the shared argument checks (kamkit.checks): numbers, shares, counts, days, dates."""

MESSAGES = {
    "check.not_a_number": ("{name} must be a number; got {got}.", "{name} 必须是数字；现在是 {got}。"),
    "check.bad_number": (
        "{name} must be a finite number (at least {low}); got {got}.",
        "{name} 必须是有限的数字（不小于 {low}）；现在是 {got}。"),
    "check.share": (
        "{name} must be a share greater than 0 and at most 1 (e.g. 0.2 for 20 %); got {got}.",
        "{name} 必须是大于 0、不超过 1 的比例（例如 0.2 表示 20%）；现在是 {got}。"),
    "check.share_below_one": (
        "{name} must be a share greater than 0 and below 1; got {got}.",
        "{name} 必须是大于 0、小于 1 的比例；现在是 {got}。"),
    "check.share_range": (
        "{name} must be a share from {low} to {high} (e.g. 0.3 for 30 %); got {got}.",
        "{name} 必须是 {low} 到 {high} 之间的比例（例如 0.3 表示 30%）；现在是 {got}。"),
    "check.count": (
        "{name} must be a whole number from 1 to {high} (the number of accounts); got {got}.",
        "{name} 必须是 1 到 {high}（客户数）之间的整数；现在是 {got}。"),
    "check.days": (
        "{name} must be a whole number of days, at least {low}; got {got}.",
        "{name} 必须是整数天数，至少为 {low}；现在是 {got}。"),
    "check.date": (
        "{name} must be a date such as 2025-12-31; got {got}.",
        "{name} 必须是日期，例如 2025-12-31；现在是 {got}。"),
}
