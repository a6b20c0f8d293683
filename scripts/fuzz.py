#!/usr/bin/env python3
"""Seeded mutation fuzz of every importer through `zhubao validate` (see scripts/fuzz.sh).

Each mutant is one corpus file changed by one to three mutations (byte flips, insertions of
bytes that matter to the readers, deletions, truncation, duplication of lines or of XML
elements, line swaps; gzip files are mutated decompressed and packed again, or raw), written
under its original name and checked by a `zhubao validate` process of its own, with a
time limit and its peak memory taken from wait4. Exit 0 (valid) and 65 (rejected) are the
only good outcomes: a signal is a crash, 70 an internal error, the time limit a hang. Every
such input is kept under OUT/findings/. Same seed, same mutants.
"""
import argparse, gzip, io, json, os, random, re, shutil, signal, sys, time

SPECIAL = [b'\x00', b'\x01', b'\t', b'\r', b'\n', b'\r\n', b'|', b',', b'"', b"'", b'<', b'>', b'&', b'=',
           b'<!DOCTYPE x [<!ENTITY e "x">]>', b'&e;', b'&#x1;', b'&#0;', b'<![CDATA[', b']]>', b'<!--', b'-->',
           b'\xef\xbb\xbf', b'\xff', b'\x81\x30', b'\xc3', b'\xed\xa0\x80', b'-', b'.', b'9' * 20, b'99999999999999.99',
           b'x="1" ' * 40, b' version="2"', b'\x1f\x8b']

def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0) as g:
        g.write(data)
    return buf.getvalue()

def mutate_once(rng, data):
    n = len(data)
    kind = rng.randrange(9)
    if n == 0:
        return rng.choice(SPECIAL)
    i = rng.randrange(n)
    if kind == 0:    # flip bits of a byte
        return data[:i] + bytes([data[i] ^ (1 << rng.randrange(8))]) + data[i + 1:]
    if kind == 1:    # a random byte
        return data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]
    if kind == 2:    # insert something that matters to a reader
        return data[:i] + rng.choice(SPECIAL) + data[i:]
    if kind == 3:    # delete a range
        return data[:i] + data[i + rng.randrange(1, 64):]
    if kind == 4:    # truncate
        return data[:i]
    lines = data.split(b'\n')
    if kind == 5 and len(lines) > 1:   # duplicate a line, sometimes many times
        k = rng.randrange(len(lines))
        lines[k:k] = [lines[k]] * rng.choice([1, 1, 2, 50])
        return b'\n'.join(lines)
    if kind == 6 and len(lines) > 2:   # swap two lines
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
        return b'\n'.join(lines)
    if kind == 7:                      # duplicate or drop an XML element
        tags = [m for m in re.finditer(rb'<([A-Za-z]+)[ >].*?</\1>', data, re.S)]
        if tags:
            m = rng.choice(tags)
            if rng.random() < 0.5:
                return data[:m.end()] + data[m.start():m.end()] + data[m.end():]
            return data[:m.start()] + data[m.end():]
    # kind 8 (and fallbacks): replace a field's value between separators
    seps = [m.start() for m in re.finditer(rb'[|,<>]', data)]
    if len(seps) > 2:
        k = rng.randrange(len(seps) - 1)
        return data[:seps[k] + 1] + rng.choice(SPECIAL + [b'', b'0', b'-1.00', b'2026-02-30']) + data[seps[k + 1]:]
    return data[:i] + rng.choice(SPECIAL) + data[i:]

def mutant(rng, name, data):
    packed = name.endswith('.gz')
    raw_gz = packed and rng.random() < 0.2
    body = data if (raw_gz or not packed) else gzip.decompress(data)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        body = mutate_once(rng, body)
    return body if (raw_gz or not packed) else gz(body)

def run(zhubao, root, path, limit):
    start = time.monotonic()
    devnull = os.open(os.devnull, os.O_WRONLY)
    pid = os.fork()
    if pid == 0:
        os.dup2(devnull, 1); os.dup2(devnull, 2)
        os.execv(zhubao, [zhubao, 'validate', '--root', root, path])
    os.close(devnull)
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return status, usage.ru_maxrss, time.monotonic() - start, False
        if time.monotonic() - start > limit:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            return status, usage.ru_maxrss, time.monotonic() - start, True
        time.sleep(0.002)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--zhubao', required=True)
    ap.add_argument('--corpus', nargs='+', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=12)
    ap.add_argument('--seconds', type=float, default=180)
    ap.add_argument('--max', type=int, default=1_000_000)
    ap.add_argument('--timeout', type=float, default=10)
    a = ap.parse_args()
    files = sorted({os.path.join(d, f) for d in a.corpus for f in os.listdir(d)
                    if re.match(r'^[A-Z0-9]+_[A-Z]+_\d{6}_\d{8}_\d{3}\.(xml|csv|txt)(\.gz)?$', f)})
    corpus = [(os.path.basename(p), open(p, 'rb').read()) for p in files]
    by_kind = {}
    for name, data in corpus:
        by_kind.setdefault(name.split('_')[1], []).append((name, data))
    kinds = sorted(by_kind)
    rng = random.Random(a.seed)
    work = os.path.join(a.out, 'work'); findings = os.path.join(a.out, 'findings')
    for d in (work, findings):
        shutil.rmtree(d, ignore_errors=True); os.makedirs(d)
    stats = {'seed': a.seed, 'corpus_files': len(corpus), 'mutants': 0, 'valid': 0, 'rejected': 0,
             'crashes': 0, 'internal_errors': 0, 'hangs': 0, 'peak_rss_kib': 0, 'slowest_s': 0.0, 'by_kind': {}}
    began = time.monotonic()
    while stats['mutants'] < a.max and time.monotonic() - began < a.seconds:
        # Every kind as often as every other, whatever the corpus holds most of.
        name, data = rng.choice(by_kind[rng.choice(kinds)])
        body = mutant(rng, name, data)
        path = os.path.join(work, name)
        with open(path, 'wb') as f:
            f.write(body)
        status, rss, took, hung = run(a.zhubao, work, path, a.timeout)
        stats['mutants'] += 1
        kind = name.split('_')[1]
        stats['by_kind'][kind] = stats['by_kind'].get(kind, 0) + 1
        stats['peak_rss_kib'] = max(stats['peak_rss_kib'], rss)
        stats['slowest_s'] = max(stats['slowest_s'], round(took, 3))
        verdict = None
        if hung:
            stats['hangs'] += 1; verdict = 'hang'
        elif os.WIFSIGNALED(status):
            stats['crashes'] += 1; verdict = 'crash-signal-%d' % os.WTERMSIG(status)
        else:
            code = os.WEXITSTATUS(status)
            if code == 0: stats['valid'] += 1
            elif code == 65: stats['rejected'] += 1
            else:
                stats['internal_errors'] += 1; verdict = 'exit-%d' % code
        if verdict:
            keep = os.path.join(findings, '%06d-%s' % (stats['mutants'], verdict))
            os.makedirs(keep); shutil.copy(path, keep)
            print('FOUND %s: %s' % (verdict, keep), flush=True)
    stats['seconds'] = round(time.monotonic() - began, 1)
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(stats, indent=2, sort_keys=True))
    with open(os.path.join(a.out, 'summary.json'), 'w') as f:
        json.dump(stats, f, indent=2, sort_keys=True)
    return 1 if stats['crashes'] or stats['hangs'] or stats['internal_errors'] else 0

if __name__ == '__main__':
    sys.exit(main())
