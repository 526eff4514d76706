# OPOS Mail: hands one message to classic Outlook through its object model (COM), or, for "Verbindung
# testen", only says which Outlook profile and account would be used. Shipped as a file, never assembled
# from strings; started by src/main/handoff/windows/outlook-handoff.ts as
#   powershell.exe -NoProfile -NonInteractive -STA -ExecutionPolicy Bypass -File outlook-handoff.ps1
# ALL data (recipients, subject, body, attachment paths, options, and the password when "Anmelden" is
# on) arrives as one UTF-8 JSON object on stdin; nothing of it is ever written to a file or the console.
# The answer is one UTF-8 line on stdout: "OPOS-OUTLOOK-RESULT " + JSON, either
#   {"ok":true,"action":…,"program":…,"profile":…,"account":…,"accountFallback":…,"unresolved":[…]}
# or {"ok":false,"stage":…,"hresult":"0x…"|null,"detail":…,(names|file|newOutlook)}; the caller maps
# stage and HRESULT to its error codes (0x80040154 not installed, 0x80080005 elevation, 0x80004004 the
# object model guard said no).
#Requires -Version 5.1
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

function Write-Result($result) {
  $line = 'OPOS-OUTLOOK-RESULT ' + ($result | ConvertTo-Json -Compress -Depth 5) + "`n"
  $bytes = [System.Text.Encoding]::UTF8.GetBytes($line)
  $out = [Console]::OpenStandardOutput()
  $out.Write($bytes, 0, $bytes.Length)
  $out.Flush()
}

function HResult-Of($err) {
  $e = $err.Exception
  while ($e -ne $null) {
    if ($e.HResult -ne 0 -and $e.HResult -ne -2146233087) { return ('0x{0:X8}' -f $e.HResult) }
    $e = $e.InnerException
  }
  return $null
}

function Fail($stage, $err, $extra) {
  $result = [ordered]@{ ok = $false; stage = $stage; hresult = $null; detail = '' }
  if ($err -ne $null) {
    $result.hresult = HResult-Of $err
    $result.detail = $err.Exception.Message
  }
  if ($extra -ne $null) { foreach ($k in $extra.Keys) { $result[$k] = $extra[$k] } }
  Write-Result $result
  exit 0
}

function List($value) {
  if ($value -eq $null) { return @() }
  return @($value)
}

# --- the request (UTF-8 bytes, whatever the console's code page) ---
try {
  $stdin = [Console]::OpenStandardInput()
  $buffer = New-Object System.IO.MemoryStream
  $stdin.CopyTo($buffer)
  $request = [System.Text.Encoding]::UTF8.GetString($buffer.ToArray()) | ConvertFrom-Json
} catch {
  Fail 'request' $_ $null
}
if ($request.version -ne 1) { Fail 'request' $null @{ detail = 'unsupported request version' } }

$newOutlook = $false
if ($env:LOCALAPPDATA) {
  $newOutlook = Test-Path -LiteralPath (Join-Path $env:LOCALAPPDATA 'Microsoft\WindowsApps\olk.exe')
}

# --- Outlook (starts it in the background when it is not running) ---
try {
  $outlook = New-Object -ComObject Outlook.Application
} catch {
  Fail 'create' $_ @{ newOutlook = $newOutlook }
}
try {
  $namespace = $outlook.GetNamespace('MAPI')
  if ($request.logon -ne $null) {
    $profileName = [string]$request.logon.profile
    $known = Get-ChildItem -LiteralPath 'HKCU:\Software\Microsoft\Office\16.0\Outlook\Profiles' -ErrorAction SilentlyContinue |
      Where-Object { $_.PSChildName -eq $profileName }
    if ($known -eq $null) { Fail 'profile' $null @{ detail = 'profile not found' } }
    try {
      # an Outlook that is already running keeps its own profile
      $namespace.Logon($profileName, [string]$request.logon.password, $false, $true)
    } catch {
      Fail 'logon' $_ $null
    }
  }
  $program = 'Microsoft Outlook ' + $outlook.Version
  $profileInUse = $namespace.CurrentProfileName
} catch {
  Fail 'namespace' $_ $null
}

# --- the sending account: the profile's sender address, else Outlook's default ---
$account = $null
$matched = $false
$accountFallback = $false
try {
  $accounts = @($namespace.Accounts)
  if ($request.from) {
    # DisplayName is not guarded and usually is the address; SmtpAddress may prompt, so only second
    foreach ($a in $accounts) { if ($a.DisplayName -ieq $request.from) { $account = $a; break } }
    if ($account -eq $null) {
      foreach ($a in $accounts) { if ($a.SmtpAddress -ieq $request.from) { $account = $a; break } }
    }
    $matched = $account -ne $null
  }
  if ($account -eq $null) {
    $accountFallback = [bool]$request.from
    $defaultStore = $namespace.DefaultStore.StoreID
    foreach ($a in $accounts) {
      try { if ($a.DeliveryStore.StoreID -eq $defaultStore) { $account = $a; break } } catch { }
    }
    if ($account -eq $null -and $accounts.Count -gt 0) { $account = $accounts[0] }
  }
} catch {
  Fail 'account' $_ $null
}
if ($account -eq $null) { Fail 'account' $null @{ detail = 'no account' } }

$answer = [ordered]@{
  ok = $true; action = [string]$request.action; program = $program; profile = $profileInUse
  account = $account.DisplayName; accountFallback = $accountFallback; unresolved = @()
}
if ($request.action -eq 'test') { Write-Result $answer; exit 0 }

# --- the message ---
try {
  $mail = $outlook.CreateItem(0)
  $mail.Subject = [string]$request.subject
  $mail.Body = [string]$request.body
  $added = @()
  foreach ($pair in @(@(1, 'to'), @(2, 'cc'), @(3, 'bcc'))) {
    foreach ($address in (List $request.($pair[1]))) {
      $recipient = $mail.Recipients.Add([string]$address)
      $recipient.Type = $pair[0]
      $added += [string]$address
    }
  }
  $null = $mail.Recipients.ResolveAll()
  # our own list by position: reading a recipient's name or address may prompt
  $unresolved = @()
  for ($i = 1; $i -le $mail.Recipients.Count; $i++) {
    if (-not $mail.Recipients.Item($i).Resolved) { $unresolved += $added[$i - 1] }
  }
  $answer.unresolved = $unresolved
} catch {
  Fail 'compose' $_ $null
}
if ($unresolved.Count -gt 0 -and $request.action -eq 'send') {
  $mail.Close(1)
  Fail 'recipients' $null @{ names = $unresolved; detail = 'unresolved' }
}
foreach ($attachment in (List $request.attachments)) {
  $file = [string]$attachment.path
  if (-not (Test-Path -LiteralPath $file -PathType Leaf)) {
    $mail.Close(1)
    Fail 'attach' $null @{ file = $file; detail = 'not found' }
  }
  try {
    # the name shown is the file's own (DisplayName counts for Rich Text only): the caller names the copy
    $null = $mail.Attachments.Add($file, 1, [System.Reflection.Missing]::Value, [string]$attachment.name)
  } catch {
    $mail.Close(1)
    Fail 'attach' $_ @{ file = $file }
  }
}
try {
  # set before Send(); without a match Outlook's default account sends
  if ($matched) { $mail.SendUsingAccount = $account }
  if ($request.action -eq 'send') { $mail.Send() } else { $mail.Display($false) }
} catch {
  Fail $request.action $_ $null
}
Write-Result $answer
exit 0
