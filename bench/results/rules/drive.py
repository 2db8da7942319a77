import sys,threading,time,json,urllib.request,base64,itertools
port,treaty,secs,clients=sys.argv[1],sys.argv[2],float(sys.argv[3]),int(sys.argv[4])
auth="Basic "+base64.b64encode(b"depositary:benchpw").decode()
url=f"http://127.0.0.1:{port}/api/treaties/{treaty}/communications"
codes=["AFG","ALB","DZA","AND"]
cnt=itertools.count(); lat=[]; fails=[0]; end=time.time()+secs
def worker():
    while time.time()<end:
        k=next(cnt)
        body=json.dumps({"participant":codes[k%4],"kind":"NOTIFICATION","receivedOn":"2024-09-02","text":f"Drive no. {k} designating the central authority."}).encode()
        req=urllib.request.Request(url,data=body,headers={"Authorization":auth,"Content-Type":"application/json"})
        t=time.time()
        try:
            with urllib.request.urlopen(req) as r: ok=r.status==201
        except Exception as e:
            ok=False
            if fails[0]<3: print("fail",e, getattr(e,'read',lambda:b'')()[:300])
        if ok: lat.append(time.time()-t)
        else: fails[0]+=1
ts=[threading.Thread(target=worker) for _ in range(clients)]
t0=time.time(); [t.start() for t in ts]; [t.join() for t in ts]
lat.sort(); n=len(lat)
print(f"{treaty}: {n} writes in {time.time()-t0:.1f}s = {n/(time.time()-t0):.1f}/s, p50 {1000*lat[n//2]:.1f} ms, p99 {1000*lat[int(n*.99)]:.1f} ms, failed {fails[0]}")
