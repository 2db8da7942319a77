import sys,re
def prof(f):
    req=h=r=cp=0
    try: lines=open(f)
    except: return None
    for line in lines:
        stack,n=line.rstrip().rsplit(' ',1); n=int(n)
        if 'http-nio' not in stack.split(';')[0]: continue
        req+=n
        if 'core/treaty/Treaty.handle' in stack: h+=n
        if 'TreatyRules.' in stack: r+=n
        if 'TreatyFacts.copy' in stack: cp+=n
    return req,h,r,cp
for tag in sys.argv[1:]:
    d=open(f'/tmp/rules/{tag}.drive').read()
    loads=re.findall(r'load average: ([\d.]+)',d)
    rates=dict(re.findall(r'(bench-agg-\w+): \d+ writes in [\d.]+s = ([\d.]+)/s',d))
    p99=dict(re.findall(r'(bench-agg-\w+): .*p99 ([\d.]+) ms',d))
    out=f"{tag}: load {loads[0]}-{loads[-1]}; closed loop 4 clients: big {rates['bench-agg-big']}/s (p99 {p99['bench-agg-big']} ms), small {rates['bench-agg-small']}/s (p99 {p99['bench-agg-small']})"
    for which,secs,name in (('prof',28,'bench-agg-big'),('prof-small',15,'bench-agg-small')):
        p=prof(f'/tmp/rules/{tag}-{which}.txt')
        if not p: continue
        req,h,r,cp=p; w=float(rates[name])*secs
        out+=f"\n   {name}: request threads {req} samples, Treaty.handle {100*h/req:.1f}%, TreatyRules {100*r/req:.1f}%, copy {100*cp/req:.1f}%; per write: request CPU {req/w:.2f} ms, Treaty.handle {h/w:.2f} ms, rules {r/w:.2f} ms"
    print(out)
