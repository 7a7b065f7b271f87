/**
 * TEST ONLY. A page's `window.keplr` that forwards to a `TestWallet` in the Node test process:
 * for pages that load the package as users do (a plain `<script>` from the tarball, no bundler),
 * which cannot load the test wallet's cosmjs themselves. The browser side is the shape Keplr
 * injects (`enable`, `getKey`, `getOfflineSigner` with `getAccounts` and `signDirect`); byte
 * arrays and the bigint account number cross as JSON.
 */
import type { Page } from 'playwright-core';
import type { TestWallet } from '../../src/signing/test-wallet.js';

interface WireSignDoc {
  bodyBytes: number[];
  authInfoBytes: number[];
  chainId: string;
  accountNumber: string;
}

export async function bridgeTestWallet(page: Page, wallet: TestWallet): Promise<void> {
  await page.exposeFunction('__icsWalletEnable', (chainId: string) => wallet.enable(chainId));
  await page.exposeFunction('__icsWalletGetKey', async (chainId: string) => {
    const key = await wallet.getKey(chainId);
    return { ...key, pubKey: [...key.pubKey], address: [...key.address] };
  });
  await page.exposeFunction('__icsWalletAccounts', async (chainId: string) => {
    const accounts = await wallet.getOfflineSigner(chainId).getAccounts();
    return accounts.map((a) => ({ ...a, pubkey: [...a.pubkey] }));
  });
  await page.exposeFunction('__icsWalletSignDirect', async (chainId: string, signer: string, doc: WireSignDoc) => {
    const signDoc = {
      bodyBytes: Uint8Array.from(doc.bodyBytes),
      authInfoBytes: Uint8Array.from(doc.authInfoBytes),
      chainId: doc.chainId,
      accountNumber: BigInt(doc.accountNumber),
    };
    const { signed, signature } = await wallet.signDirect(chainId, signer, signDoc);
    return {
      signed: {
        bodyBytes: [...signed.bodyBytes],
        authInfoBytes: [...signed.authInfoBytes],
        chainId: signed.chainId,
        accountNumber: signed.accountNumber.toString(),
      },
      signature,
    };
  });
  // A string, not a function: tsx compiles functions with helpers (`__name`) the page lacks.
  await page.addInitScript(`(() => {
    const bytes = (value, keys) => {
      const copy = { ...value };
      for (const key of keys) copy[key] = Uint8Array.from(value[key]);
      return copy;
    };
    const signer = (chainId) => ({
      getAccounts: async () => (await window.__icsWalletAccounts(chainId)).map((a) => bytes(a, ['pubkey'])),
      signDirect: async (address, doc) => {
        const wire = { bodyBytes: [...doc.bodyBytes], authInfoBytes: [...doc.authInfoBytes], chainId: doc.chainId, accountNumber: doc.accountNumber.toString() };
        const { signed, signature } = await window.__icsWalletSignDirect(chainId, address, wire);
        return { signed: { ...bytes(signed, ['bodyBytes', 'authInfoBytes']), accountNumber: BigInt(signed.accountNumber) }, signature };
      },
    });
    window.keplr = {
      enable: (chainId) => window.__icsWalletEnable(chainId),
      getKey: async (chainId) => bytes(await window.__icsWalletGetKey(chainId), ['pubKey', 'address']),
      getOfflineSigner: signer,
      getOfflineSignerOnlyAmino: signer,
    };
  })();`);
}
