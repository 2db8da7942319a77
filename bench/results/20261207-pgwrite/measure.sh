#!/bin/bash
# measure.sh JAR DBNAME PORT LABEL : start the service on a fresh database, warm up (4 treaties x 150), then
# measure 8 treaties x 150 signatures at one client: wall, and CPU + voluntary context switches of the JVM and
# of the database's backends per recording.
JAR=$1; DB=$2; PORT=$3; LABEL=$4
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB" -c "create database $DB"
LEDGER_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB LEDGER_DEPOSITARY_PASSWORD=depo-secret-123 LEDGER_AUDITOR_PASSWORD=audit-secret-123 LEDGER_PORT=$PORT \
  java -Xms1g -Xmx1g -jar $JAR --spring.profiles.active=postgres > /tmp/pgwrite/svc-$LABEL.log 2>&1 &
SVC=$!
until grep -q "Started LedgerApplication" /tmp/pgwrite/svc-$LABEL.log; do sleep 1; done
cd /tmp/pgwrite/load
java Load.java $PORT depo-secret-123 warm 8 150 states.txt
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
ctx() { awk '/^voluntary_ctxt_switches/ {v=$2} /^nonvoluntary_ctxt_switches/ {n=$2} END {print v+n}' /proc/$1/status; }
pgpids() { psql -h 127.0.0.1 -U postgres -Atc "select pid from pg_stat_activity where datname='$DB'"; }
sumpg() { s=0; for p in $(pgpids); do v=$($1 $p 2>/dev/null); s=$((s + ${v:-0})); done; echo $s; }
tsum() { s=0; for t in /proc/$SVC/task/*; do v=$(awk '/^voluntary_ctxt_switches/ {v=$2} /^nonvoluntary_ctxt_switches/ {n=$2} END {print v+n}' $t/status); s=$((s+v)); done; echo $s; }
J0=$(cpu $SVC); P0=$(sumpg cpu); PC0=$(sumpg ctx); JC0=$(tsum)
java Load.java $PORT depo-secret-123 meas 12 150 states.txt
J1=$(cpu $SVC); P1=$(sumpg cpu); PC1=$(sumpg ctx); JC1=$(tsum)
N=1800
echo "$LABEL: per recording: service JVM CPU $(echo "scale=3; ($J1-$J0)*10/$N" | bc) ms, PostgreSQL backends CPU $(echo "scale=3; ($P1-$P0)*10/$N" | bc) ms, backend context switches $(echo "scale=2; ($PC1-$PC0)/$N" | bc), JVM context switches $(echo "scale=2; ($JC1-$JC0)/$N" | bc); load $(cut -d' ' -f1-3 /proc/loadavg)"
kill $SVC; wait $SVC 2>/dev/null
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $DB"
