/* eslint-disable @typescript-eslint/no-require-imports */
// HTTPS options for the dev server (`npm start`, `npm run serve`). Office loads the add-in only
// over https from a certificate it trusts.
// - Windows and macOS: office-addin-dev-certs makes a development CA, installs it in the
//   system's trust store (it asks for permission the first time) and returns the certificate.
// - Elsewhere (Linux, for Excel on the web): installing needs sudo and a trust store the tool
//   does not know, so the certificates are only generated (pure JS, offline) and the user
//   trusts ca.crt in their browser, as README says.
const fs = require("fs");

async function httpsOptions(platform = process.platform) {
  const devCerts = require("office-addin-dev-certs");
  if (platform === "win32" || platform === "darwin") {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  }
  const defaults = require("office-addin-dev-certs/lib/defaults");
  const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
  const paths = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  if (!paths.every((p) => fs.existsSync(p))) {
    for (const p of paths) fs.rmSync(p, { force: true });
    await generateCertificates();
  }
  console.log(`Serving with the development certificate in ${defaults.certificateDirectory}; trust ca.crt there in your browser once (README: Excel on the web).`);
  const [ca, cert, key] = paths.map((p) => fs.readFileSync(p));
  return { ca, key, cert };
}

module.exports = { httpsOptions };
