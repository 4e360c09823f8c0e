#!/usr/bin/env python3
# Copy of ../shared/tools/te3score.py (the TempEval-3 scorer this project was given; only these two comment lines
# added), so that the CI accuracy check in tests/test_temporal_te3.py runs on a checkout without the shared folder.
"""TempEval-3 TIMEX3 scorer (Python 3, standard library only).

Re-implements, for TIMEX3 only, the definitions used by the official TempEval-3
toolkit (TE3-evaluation.py = TimeML-Normalizer.jar + evaluate_entities.py).
No code is taken from the official scorer; the definitions it applies are:

* Entities: every TIMEX3 element inside <TEXT>.  The document creation time
  (the TIMEX3 inside <DCT>, which the official normalizer renames to t0 and the
  entity scorer then skips) is therefore never scored.  TIMEX3 elements inside
  <TEXT> carrying functionInDocument="CREATION_TIME" are skipped as well (none
  occur in the TE3 gold data).  Empty (whitespace-only) timexes are skipped.

* Alignment (what the official normalizer does with token ids): gold and system
  timexes are walked in document order; a timex that *starts* while a timex of
  the other annotation is still open (i.e. the two overlap) takes over that
  timex's id, unless this annotation already used that id.  Pairs sharing an id
  are "relaxed" matches.  This makes the relaxed matching one-to-one and greedy
  in document order: a system timex covering two gold timexes matches only the
  first one, and two system timexes inside one gold timex give one match plus
  one false positive.  We do this on character offsets instead of tokens.

* Strict match: a relaxed pair whose extents are identical (the official
  scorer compares the covered strings of the id-matched pair).

* Offsets are compared after deleting all whitespace from the TEXT content, so
  files whose only differences are whitespace (or XML escaping) still align.
  If the non-whitespace text differs, the system offsets are mapped onto the
  gold text with difflib and the document is reported as "realigned" (the
  official tool refuses to score such files).

* P = matches / system timexes, R = matches / gold timexes, F1 harmonic mean,
  all micro-averaged over documents (counts are summed first).

* Attribute scores as in the official report ("Attribute F1  Value  Type"):
  accuracy = #relaxed pairs with identical attribute string / #relaxed pairs;
  attribute F1 = accuracy x relaxed F1.

Usage:  te3score.py GOLD_DIR [GOLD_DIR ...] SYSTEM_DIR [--per-doc] [--errors N] [--json]
"""

import argparse
import difflib
import html
import json
import os
import re
import sys

TAG_RE = re.compile(r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<(/?)([A-Za-z_][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.S)
ATTR_RE = re.compile(r"([A-Za-z_][\w.:-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
TEXT_RE = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S)
DOCID_RE = re.compile(r"<DOCID\b[^>]*>(.*?)</DOCID\s*>", re.S)
DCT_RE = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.S)


# --------------------------------------------------------------------------- parsing
def parse_attrs(s):
    out = {}
    for m in ATTR_RE.finditer(s or ""):
        out[m.group(1)] = html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
    return out


class Doc:
    """A TimeML document reduced to what the TIMEX3 scorer needs."""

    def __init__(self, path):
        self.path = path
        with open(path, encoding="utf-8", errors="replace") as f:
            raw = f.read()
        m = DOCID_RE.search(raw)
        self.docid = html.unescape(m.group(1).strip()) if m else None
        self.dct = None
        m = DCT_RE.search(raw)
        if m:
            t = re.search(r"<TIMEX3\b([^>]*)>", m.group(1))
            if t:
                self.dct = parse_attrs(t.group(1)).get("value")
        m = TEXT_RE.search(raw)
        if not m:
            raise ValueError("%s: no <TEXT> element" % path)
        self.text, self.timexes, self.skipped = self._walk(m.group(1))
        # whitespace-free coordinates: nws[i] = number of non-space chars before i
        nws = [0] * (len(self.text) + 1)
        k = 0
        for i, ch in enumerate(self.text):
            nws[i] = k
            if not ch.isspace():
                k += 1
        nws[len(self.text)] = k
        self.nws = nws
        self.squeezed = "".join(ch for ch in self.text if not ch.isspace())
        for t in self.timexes:
            t["ns"], t["ne"] = nws[t["start"]], nws[t["end"]]

    @staticmethod
    def _walk(body):
        """Return (plain text, timexes, n_skipped) for the raw content of TEXT."""
        parts = []
        pos = 0  # length of plain text so far
        stack = []
        timexes = []
        skipped = 0
        last = 0
        for m in TAG_RE.finditer(body):
            seg = html.unescape(body[last:m.start()])
            parts.append(seg)
            pos += len(seg)
            last = m.end()
            if m.group(2) is None:  # comment / PI / CDATA
                if m.group(0).startswith("<![CDATA["):
                    seg = m.group(0)[9:-3]
                    parts.append(seg)
                    pos += len(seg)
                continue
            closing, name, rest = m.group(1), m.group(2), m.group(3)
            if name != "TIMEX3":
                continue
            if closing:
                if stack:
                    start, attrs = stack.pop()
                    timexes.append({"start": start, "end": pos, "attrs": attrs})
                continue
            attrs = parse_attrs(rest)
            if rest.rstrip().endswith("/"):
                skipped += 1  # empty (non-consuming) timex
                continue
            stack.append((pos, attrs))
        seg = html.unescape(body[last:])
        parts.append(seg)
        text = "".join(parts)
        out = []
        for t in timexes:
            s, e = t["start"], t["end"]
            if not text[s:e].strip():
                skipped += 1
                continue
            if t["attrs"].get("functionInDocument") == "CREATION_TIME":
                skipped += 1
                continue
            # trim surrounding whitespace
            while text[s].isspace():
                s += 1
            while text[e - 1].isspace():
                e -= 1
            out.append({"start": s, "end": e, "text": text[s:e], "attrs": t["attrs"]})
        out.sort(key=lambda t: (t["start"], t["end"]))
        return text, out, skipped


# --------------------------------------------------------------------------- alignment
def realign(gold, sysd):
    """Map system whitespace-free offsets onto gold ones when the texts differ.

    Returns the number of differing (non-space) characters."""
    sm = difflib.SequenceMatcher(None, gold.squeezed, sysd.squeezed, autojunk=False)
    blocks = sm.get_matching_blocks()

    def mapped(x, is_end):
        for a, b, size in blocks:
            if b <= x < b + size or (is_end and b < x <= b + size):
                return a + (x - b)
        # inside an unmatched stretch: snap to the next matching block
        for a, b, size in blocks:
            if b >= x:
                return a
        return len(gold.squeezed)

    for t in sysd.timexes:
        t["ns"], t["ne"] = mapped(t["ns"], False), mapped(t["ne"], True)
        if t["ne"] < t["ns"]:
            t["ne"] = t["ns"]
    same = sum(size for _, _, size in blocks)
    return max(len(gold.squeezed), len(sysd.squeezed)) - same


def match_timexes(gold, system):
    """Official-normalizer style one-to-one overlap alignment.

    gold, system: lists of (start, end) in whitespace-free coordinates.
    Returns list of (gold_index, system_index) pairs."""
    events = [(s, 0, i, e) for i, (s, e) in enumerate(gold) if e > s]
    events += [(s, 1, j, e) for j, (s, e) in enumerate(system) if e > s]
    events.sort()
    next_id = 1
    last_id = [0, 0]
    open_ = [None, None]  # (end, id) of the timex most recently opened per side
    ids = [{}, {}]
    for s, side, idx, e in events:
        other = open_[1 - side]
        if other is not None and other[0] > s and other[1] > last_id[side]:
            tid = other[1]
        else:
            tid = next_id
            next_id += 1
        last_id[side] = tid
        ids[side][idx] = tid
        open_[side] = (e, tid)
    by_id = {tid: i for i, tid in ids[0].items()}
    pairs = [(by_id[tid], j) for j, tid in ids[1].items() if tid in by_id]
    pairs.sort()
    return pairs


# --------------------------------------------------------------------------- scoring
COUNT_KEYS = ("gold", "system", "strict", "relaxed", "value", "type")


def prf(match, n_sys, n_gold):
    p = match / n_sys if n_sys else 0.0
    r = match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def summarize(c):
    sp, sr, sf = prf(c["strict"], c["system"], c["gold"])
    rp, rr, rf = prf(c["relaxed"], c["system"], c["gold"])
    if c["gold"] == 0 and c["system"] == 0:  # official convention
        sp = sr = sf = rp = rr = rf = 1.0
    vacc = c["value"] / c["relaxed"] if c["relaxed"] else 0.0
    tacc = c["type"] / c["relaxed"] if c["relaxed"] else 0.0
    return {
        "strict_P": sp, "strict_R": sr, "strict_F1": sf,
        "relaxed_P": rp, "relaxed_R": rr, "relaxed_F1": rf,
        "value_acc": vacc, "type_acc": tacc,
        "value_F1": vacc * rf, "type_F1": tacc * rf,
    }


def score_doc(gold, sysd):
    info = {"doc": os.path.basename(gold.path), "realigned_chars": 0, "missing_system_file": sysd is None}
    gt = gold.timexes
    st = sysd.timexes if sysd is not None else []
    if sysd is not None and gold.squeezed != sysd.squeezed:
        info["realigned_chars"] = realign(gold, sysd)
    pairs = match_timexes([(t["ns"], t["ne"]) for t in gt], [(t["ns"], t["ne"]) for t in st])
    c = dict.fromkeys(COUNT_KEYS, 0)
    c["gold"], c["system"], c["relaxed"] = len(gt), len(st), len(pairs)
    errors = {"value": [], "type": [], "missed": [], "spurious": [], "extent": []}
    matched_g, matched_s = set(), set()
    for gi, si in pairs:
        g, s = gt[gi], st[si]
        matched_g.add(gi)
        matched_s.add(si)
        ga, sa = g["attrs"], s["attrs"]
        rec = {"doc": info["doc"], "gold_text": g["text"], "gold_value": ga.get("value", ""),
               "gold_type": ga.get("type", ""), "sys_text": s["text"],
               "sys_value": sa.get("value", ""), "sys_type": sa.get("type", ""),
               "offset": g["start"]}
        if (g["ns"], g["ne"]) == (s["ns"], s["ne"]):
            c["strict"] += 1
        else:
            errors["extent"].append(rec)
        if ga.get("value", "") == sa.get("value", ""):
            c["value"] += 1
        else:
            errors["value"].append(rec)
        if ga.get("type", "") == sa.get("type", ""):
            c["type"] += 1
        else:
            errors["type"].append(rec)
    for gi, g in enumerate(gt):
        if gi not in matched_g:
            errors["missed"].append({"doc": info["doc"], "gold_text": g["text"], "gold_value": g["attrs"].get("value", ""),
                                     "gold_type": g["attrs"].get("type", ""), "offset": g["start"]})
    for si, s in enumerate(st):
        if si not in matched_s:
            errors["spurious"].append({"doc": info["doc"], "sys_text": s["text"], "sys_value": s["attrs"].get("value", ""),
                                       "sys_type": s["attrs"].get("type", ""), "offset": s["start"]})
    info["counts"] = c
    return info, errors


def list_tml(d):
    out = []
    for name in sorted(os.listdir(d)):
        p = os.path.join(d, name)
        if os.path.isfile(p) and name.endswith(".tml") and not name.startswith("."):
            out.append(p)
    return out


def find_system_file(gold, sys_files, sys_by_docid):
    base = os.path.basename(gold.path)
    stem = base[:-4] if base.endswith(".tml") else base
    for cand in (base, stem + ".tml.tml", stem + ".tml.TE3input.tml"):
        if cand in sys_files:
            return sys_files[cand]
    if gold.docid and gold.docid in sys_by_docid:
        return sys_by_docid[gold.docid]
    return None


def evaluate(gold_dirs, system_dir):
    sys_files = {os.path.basename(p): p for p in list_tml(system_dir)}
    sys_by_docid = {}
    for p in sys_files.values():
        try:
            with open(p, encoding="utf-8", errors="replace") as f:
                m = DOCID_RE.search(f.read())
            if m:
                sys_by_docid.setdefault(html.unescape(m.group(1).strip()), p)
        except OSError:
            pass
    total = dict.fromkeys(COUNT_KEYS, 0)
    docs, all_errors, warnings = [], {"value": [], "type": [], "missed": [], "spurious": [], "extent": []}, []
    for gd in gold_dirs:
        for gp in list_tml(gd):
            gold = Doc(gp)
            sp = find_system_file(gold, sys_files, sys_by_docid)
            sysd = None
            if sp is None:
                warnings.append("no system file for %s (scored as empty)" % gp)
            else:
                try:
                    sysd = Doc(sp)
                except Exception as exc:  # malformed system output
                    warnings.append("cannot read system file %s: %s (scored as empty)" % (sp, exc))
            info, errs = score_doc(gold, sysd)
            if info["realigned_chars"]:
                warnings.append("%s: system text differs from gold in %d non-space chars; offsets realigned"
                                % (info["doc"], info["realigned_chars"]))
            for k in COUNT_KEYS:
                total[k] += info["counts"][k]
            info.update(summarize(info["counts"]))
            docs.append(info)
            for k in all_errors:
                all_errors[k].extend(errs[k])
    result = {"counts": total, "docs": len(docs)}
    result.update(summarize(total))
    return result, docs, all_errors, warnings


# --------------------------------------------------------------------------- output
def pct(x):
    return "%6.2f" % (100 * x)


HEADER = "%-34s %5s %5s | %6s %6s %6s | %6s %6s %6s | %6s %6s" % (
    "", "gold", "sys", "sP", "sR", "sF1", "rP", "rR", "rF1", "valF1", "typF1")


def row(name, r, c):
    return "%-34s %5d %5d | %s %s %s | %s %s %s | %s %s" % (
        name[:34], c["gold"], c["system"], pct(r["strict_P"]), pct(r["strict_R"]), pct(r["strict_F1"]),
        pct(r["relaxed_P"]), pct(r["relaxed_R"]), pct(r["relaxed_F1"]), pct(r["value_F1"]), pct(r["type_F1"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", metavar="DIR", help="GOLD_DIR [GOLD_DIR ...] SYSTEM_DIR")
    ap.add_argument("--per-doc", action="store_true", help="also print one row per document")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print the first N value mismatches, misses and spurious timexes")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--name", default=None, help="label for the summary row")
    a = ap.parse_args(argv)
    if len(a.dirs) < 2:
        ap.error("need at least GOLD_DIR and SYSTEM_DIR")
    gold_dirs, system_dir = a.dirs[:-1], a.dirs[-1]
    for d in a.dirs:
        if not os.path.isdir(d):
            ap.error("not a directory: %s" % d)
    result, docs, errors, warnings = evaluate(gold_dirs, system_dir)
    for w in warnings:
        print("warning: " + w, file=sys.stderr)
    if a.json:
        out = {"gold_dirs": gold_dirs, "system_dir": system_dir, "total": result, "warnings": warnings}
        if a.per_doc:
            out["per_doc"] = docs
        if a.errors:
            out["errors"] = {k: v[:a.errors] for k, v in errors.items()}
        json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    print(HEADER)
    if a.per_doc:
        for d in docs:
            print(row(d["doc"], d, d["counts"]))
        print("-" * len(HEADER))
    c = result["counts"]
    print(row(a.name or os.path.basename(os.path.normpath(system_dir)), result, c))
    print("docs=%d  relaxed matches=%d strict=%d  value acc=%.2f%% (%d)  type acc=%.2f%% (%d)" % (
        result["docs"], c["relaxed"], c["strict"], 100 * result["value_acc"], c["value"],
        100 * result["type_acc"], c["type"]))
    if a.errors:
        n = a.errors
        print("\n-- first %d value mismatches (relaxed matches) --" % n)
        for e in errors["value"][:n]:
            print("  %s | gold %r %s=%s | sys %r %s=%s" % (e["doc"], e["gold_text"], e["gold_type"], e["gold_value"],
                                                          e["sys_text"], e["sys_type"], e["sys_value"]))
        print("\n-- first %d misses (gold timexes with no overlapping system timex) --" % n)
        for e in errors["missed"][:n]:
            print("  %s | gold %r %s=%s" % (e["doc"], e["gold_text"], e["gold_type"], e["gold_value"]))
        print("\n-- first %d spurious system timexes --" % n)
        for e in errors["spurious"][:n]:
            print("  %s | sys %r %s=%s" % (e["doc"], e["sys_text"], e["sys_type"], e["sys_value"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
