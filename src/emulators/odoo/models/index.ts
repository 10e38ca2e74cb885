import type { ModelDef } from '../orm/model-types';
import { accountAccount, accountJournal, accountPaymentMethod, accountPaymentMethodLine, accountTax } from './account-setup';
import { accountMove } from './account-move';
import { accountFullReconcile, accountMoveLine, accountPartialReconcile } from './account-move-line';
import { accountPayment16, accountPayment18 } from './account-payment';
import { baseAutomation } from './base-automation';
import { irActionsServer } from './ir-actions-server';
import { irModel, irModelData, irModelFields } from './ir-model';
import { moduleModel } from './ir-module';
import { irUiView } from './ir-ui-view';
import { mailMessage, mailMessageSubtype, messagePost } from './mail';
import { productProduct16, productProduct18, productTemplate16, productTemplate18 } from './product';
import { resCompany, resCountry, resCurrency, resGroups, uomUom } from './res-base';
import { resPartner } from './res-partner';
import { resUsers, resUsersApiKeys, resUsersApiKeysDescription, resUsersIdentityCheck } from './res-users';
import { saleOrder16, saleOrder17, saleOrderCancel, saleOrderLine } from './sale-order';
import { accountPaymentRegister } from '../wizards/payment-register';
import { accountMoveReversal } from '../wizards/move-reversal';
import { saleAdvancePaymentInv } from '../wizards/sale-advance-payment';

/** mail.thread models get message_post. */
function withMailThread(def: ModelDef): ModelDef {
  return def.isMailThread ? { ...def, methods: { ...(def.methods ?? {}), message_post: messagePost } } : def;
}

/** Every model the emulator serves (version-specific variants are filtered by the registry). */
export const MODEL_DEFINITIONS: readonly ModelDef[] = [
  resCompany,
  resCountry,
  resCurrency,
  resGroups,
  resPartner,
  resUsers,
  resUsersApiKeys,
  resUsersApiKeysDescription,
  resUsersIdentityCheck,
  uomUom,
  moduleModel,
  irModel,
  irModelFields,
  irModelData,
  irUiView,
  irActionsServer,
  baseAutomation,
  mailMessageSubtype,
  mailMessage,
  productTemplate16,
  productTemplate18,
  productProduct16,
  productProduct18,
  accountAccount,
  accountTax,
  accountJournal,
  accountPaymentMethod,
  accountPaymentMethodLine,
  accountMove,
  accountMoveLine,
  accountPartialReconcile,
  accountFullReconcile,
  accountPayment16,
  accountPayment18,
  accountPaymentRegister,
  accountMoveReversal,
  saleOrder16,
  saleOrder17,
  saleOrderLine,
  saleOrderCancel,
  saleAdvancePaymentInv,
].map(withMailThread);
