import type { EmulatedOrder } from '../orders/order.model';

/**
 * A stand-in for Tamara's hosted checkout page, where the SMS link lands when the emulator is
 * its own `checkoutBaseUrl`: shows the order and lets a person act as the customer.
 */
export function checkoutPageHtml(order: EmulatedOrder): string {
  const amount = `${order.request.totalAmount.toFixed()} ${order.request.totalAmount.currency}`;
  const canAct = order.status === 'new';
  const button = (action: string, label: string) =>
    `<button ${canAct ? '' : 'disabled'} onclick="act('${action}')">${label}</button>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tamara emulator checkout</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto}button{margin-right:.5rem;padding:.5rem 1rem}</style></head>
<body>
<h1>Tamara emulator checkout</h1>
<p>Order <code>${escapeHtml(order.orderId)}</code> (reference <code>${escapeHtml(order.orderReferenceId)}</code>)</p>
<p>Amount: <strong>${escapeHtml(amount)}</strong> — status: <strong id="status">${escapeHtml(order.status)}</strong></p>
<p>${button('pay', 'Pay')}${button('decline', 'Decline')}${button('cancel', 'Cancel')}</p>
<script>
async function act(action) {
  const response = await fetch('/_emulator/orders/${encodeURIComponent(order.orderId)}/' + action, { method: 'POST' });
  const body = await response.json();
  document.getElementById('status').textContent = body.status || body.message;
  document.querySelectorAll('button').forEach((b) => (b.disabled = true));
}
</script>
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
