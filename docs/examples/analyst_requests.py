#!/usr/bin/env python3
"""OGI Observatory from Python with a personal access token (only `requests` and the standard library).

Create a token on the account page (账号 → 访问令牌), then:

    OGI_URL=http://localhost:3000 OGI_TOKEN=ogi_pat_... python3 analyst_requests.py 2023 2024

It asks the GraphQL API for the number of new applications (applications.new) of every agency for the years
given, downloads the same years as a ZIP of CSV files, and prints, as JSON, both readings side by side and
whether they agree. With pandas, `pd.read_csv(zip.open("metric_values.csv"))` reads the same file. It also walks
the list of reports of each year page by page with cursors (`first`/`after`; OGI_PAGE_SIZE per page, at most 100).
"""
import csv
import io
import json
import os
import sys
import zipfile

import requests

URL = os.environ.get("OGI_URL", "http://localhost:3000").rstrip("/")
TOKEN = os.environ["OGI_TOKEN"]
YEARS = [int(y) for y in sys.argv[1:]] or [2024]
METRIC = "applications.new"
PAGE_SIZE = int(os.environ.get("OGI_PAGE_SIZE", "100"))

session = requests.Session()
# No password, no cookie, no CSRF token: the token is the whole credential. Keep it out of your code.
session.headers["Authorization"] = f"Bearer {TOKEN}"


def graphql(query, variables=None):
    response = session.post(f"{URL}/graphql", json={"query": query, "variables": variables or {}}, timeout=120)
    body = response.json()
    if body.get("errors"):
        error = body["errors"][0]
        raise SystemExit(f"GraphQL error {error.get('extensions', {}).get('reason')}: {error['message']}")
    return body["data"]


COMPARE = """
query($years: [Int!]!, $metrics: [String!]!) {
  compare(selection: {}, years: $years, metrics: $metrics) {
    agencies { id name }
    values { agencyId year metric value numerator denominator reportId }
  }
}
"""

comparison = graphql(COMPARE, {"years": YEARS, "metrics": [METRIC]})["compare"]
names = {a["id"]: a["name"] for a in comparison["agencies"]}
from_api = {
    f"{names[v['agencyId']]} {v['year']}": v["value"] for v in comparison["values"] if v["reportId"] is not None
}

REPORTS = """
query($year: Int, $first: Int, $after: String) {
  reportsConnection(year: $year, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id year agency { name } }
  }
}
"""


def every_report(year):
    """Every current report of a year, page by page: a cursor keeps its place, so reports stored while the
    script runs never make it skip or repeat one (as counting with skip/take could)."""
    after, names, pages = None, [], 0
    while True:
        page = graphql(REPORTS, {"year": year, "first": PAGE_SIZE, "after": after})["reportsConnection"]
        names += [report["agency"]["name"] for report in page["nodes"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            return {"names": names, "pages": pages, "totalCount": page["totalCount"]}
        after = page["pageInfo"]["endCursor"]


reports = {str(year): every_report(year) for year in YEARS}

# The bulk download: every table of the selection as UTF-8 CSV (format=parquet for DuckDB, pandas, R arrow).
download = session.get(f"{URL}/api/exports/dataset.zip", params={"format": "csv", "years": YEARS}, timeout=600)
if download.status_code != 200:
    raise SystemExit(f"download refused ({download.status_code}): {download.json()['error']['message']}")
with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
    def table(name):
        with archive.open(f"{name}.csv") as raw:
            return list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))

    agencies = {row["agency_id"]: row["name"] for row in table("agencies")}
    from_download = {
        f"{agencies[row['agency_id']]} {row['year']}": (float(row["value"]) if row["value"] != "" else None)
        for row in table("metric_values")
        if row["metric"] == METRIC
    }

print(
    json.dumps(
        {"metric": METRIC, "years": YEARS, "api": from_api, "download": from_download, "agree": from_api == from_download, "reports": reports},
        ensure_ascii=False,
        indent=2,
    )
)
