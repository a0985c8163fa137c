#!/usr/bin/env python3
"""Writes the illustrative revenue scenario of the Microsoft-OpenAI example (revenue.csv).

ILLUSTRATIVE, NOT REPORTED DATA. Annual totals follow the reported figures and projections in
shared/seed/partnership-history.md (section 10: $3.7B in 2024, $13.1B in 2025, ~$30B projected for
2026, $125B for 2029, $174B for 2030); the years without a figure (2019-2022, 2027-2028) and the
whole product, cloud, region and segment mix are made up to exercise the agreement. Microsoft's
Azure OpenAI Service and Bing revenue is made up entirely. Deterministic: no randomness.
"""
import csv
import datetime

OPENAI = {2019: 5e6, 2020: 30e6, 2021: 100e6, 2022: 200e6, 2023: 1.0e9, 2024: 3.7e9, 2025: 13.1e9,
          2026: 30e9, 2027: 60e9, 2028: 100e9, 2029: 125e9, 2030: 174e9}
AZURE_OPENAI = {2021: 50e6, 2022: 200e6, 2023: 1.0e9, 2024: 3.0e9, 2025: 6.0e9, 2026: 9.0e9,
                2027: 12e9, 2028: 15e9, 2029: 18e9, 2030: 21e9}
BING = {2023: 0.5e9, 2024: 0.8e9, 2025: 1.0e9, 2026: 1.2e9, 2027: 1.3e9, 2028: 1.4e9, 2029: 1.5e9, 2030: 1.6e9}
AMENDMENT = datetime.date(2026, 4, 27)

# product, kind, category, segment, share of OpenAI's revenue, first month (year, month)
PRODUCTS = [
    ("openai-api", "api", "api", "", 0.25, (2019, 7)),
    ("chatgpt", "non-api", "subscriptions", "", 0.50, (2022, 12)),
    ("chatgpt-enterprise", "non-api", "enterprise", "", 0.12, (2023, 9)),
    ("responses-api", "stateless-api", "api", "", 0.08, (2025, 3)),
    ("gov-api", "api", "api", "us-national-security", 0.02, (2025, 11)),
    ("io-device", "consumer-hardware", "hardware", "", 0.03, (2027, 1)),
]


def months(year):
    first = 7 if year == 2019 else 1
    return [(year, m) for m in range(first, 13)]


def weights(n):
    # revenue grows through the year: month k weighs 10 + k
    raw = [10 + k for k in range(n)]
    return [w / sum(raw) for w in raw]


def clouds(product, kind, year, month):
    """OpenAI's products run on Azure until the April 2026 amendment; then part of the non-API mix moves."""
    if datetime.date(year, month, 28) < AMENDMENT or kind in ("api", "stateless-api"):
        if product == "gov-api":
            return [("aws", 0.6), ("azure", 0.4)]
        return [("azure", 1.0)]
    return [("azure", 0.6), ("aws", 0.25), ("gcp", 0.15)]


def cents(value):
    return f"{value:.2f}"


def main():
    rows = []
    for year, total in OPENAI.items():
        ms = months(year)
        for (y, m), w in zip(ms, weights(len(ms))):
            active = [p for p in PRODUCTS if (y, m) >= p[5]]
            share_sum = sum(p[4] for p in active)
            for product, kind, category, segment, share, _ in active:
                for cloud, cloud_share in clouds(product, kind, y, m):
                    for region, region_share in (("us", 0.6), ("eu", 0.4)):
                        for half, day in (("a", 8), ("b", 28)):
                            amount = total * w * share / share_sum * cloud_share * region_share / 2
                            rows.append((f"oai-{y}-{m:02d}-{product}-{cloud}-{region}-{half}", f"{y}-{m:02d}-{day:02d}",
                                         "OpenAI", product, kind, category, cloud, region, segment, cents(amount), "USD"))
    for table, product, kind, category in ((AZURE_OPENAI, "azure-openai-service", "api", "cloud-ai"),
                                           (BING, "bing", "non-api", "search")):
        for year, total in table.items():
            for (y, m), w in zip(months(year), weights(12)):
                for half, day in (("a", 8), ("b", 28)):
                    rows.append((f"msft-{y}-{m:02d}-{product}-{half}", f"{y}-{m:02d}-{day:02d}", "Microsoft", product, kind,
                                 category, "azure", "global", "", cents(total * w / 2), "USD"))
    rows.sort(key=lambda r: (r[1], r[0]))
    with open("revenue.csv", "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "date", "party", "product", "kind", "category", "cloud", "region", "segment", "amount", "currency"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
