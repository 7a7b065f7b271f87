/** Registers every element (`ics-elements/elements`), and re-exports the classes and helpers. */
import './provider-chain/define.js';
import './consumer-list/define.js';
import './consumer-card/define.js';
import './validator-chains/define.js';
import './power-chart/define.js';
import './opt-in-button/define.js';
import './validator-settings/define.js';

export * from './index.js';
// The acting elements and their shared transaction controller (cosmjs stays out: the flow loads it on Confirm).
export { IcsOptInButton } from './opt-in-button/opt-in-button.js';
export type { OptInButtonStatus } from './opt-in-button/opt-in-button.js';
export { IcsValidatorSettings } from './validator-settings/validator-settings.js';
export type { ValidatorSettingsStatus } from './validator-settings/validator-settings.js';
export { TxController } from './shared/tx-controller.js';
export { forgetWalletConnections } from './shared/wallet-connections.js';
export type { TxPhase, WalletState } from './shared/tx-controller.js';
export { IcsTxConfirmedEvent, IcsTxFailedEvent, IcsTxSignedEvent } from './shared/events.js';
export type { IcsTxConfirmedDetail, IcsTxDetail, IcsTxFailedDetail, IcsTxSignedDetail } from './shared/events.js';
