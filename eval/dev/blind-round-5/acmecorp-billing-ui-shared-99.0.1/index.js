"use strict";
module.exports = {
  formatMoney: (cents, currency = "USD", locale = "en-US") => new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100),
  invoiceStatusColor: (s) => ({ paid: "green", open: "blue", overdue: "red", void: "gray" }[s] || "gray"),
};
