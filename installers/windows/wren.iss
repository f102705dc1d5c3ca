; Inno Setup 6 script for Wren: per-user install, no admin rights.
;
; Built by `python installers/build.py windows` after PyInstaller has written dist\wren\:
;   iscc /DAppVersion=0.1.0 /DSourceDir=<repo>\dist\wren /O<repo>\dist installers\windows\wren.iss
; Output: dist\Wren-<version>-setup.exe. Installs to %LOCALAPPDATA%\Programs\Wren; user data
; (conversations, models) lives apart in %LOCALAPPDATA%\Wren (platformdirs) and is kept on
; uninstall unless the user says to delete it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\wren"
#endif

[Setup]
; Never change AppId: it is how upgrades find the installed copy.
AppId={{6F1B7A52-3C1E-4B8E-9E2A-57A1D3C0B7E1}
AppName=Wren
AppVersion={#AppVersion}
AppVerName=Wren {#AppVersion}
AppPublisher=Wren team
AppPublisherURL=https://example.org/wren
; Per-user: no UAC prompt. {autopf} then means %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Wren
DefaultGroupName=Wren
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=Wren-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\wren.ico
UninstallDisplayIcon={app}\Wren.exe
UninstallDisplayName=Wren
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Wren before replacing its files (Restart Manager).
CloseApplications=yes
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "summarize"; Description: "Add ""Summarize with Wren"" to PDF, Word (.docx) and text files"; GroupDescription: "File types:"

[InstallDelete]
; llama.cpp's libraries from an older Wren: the backends are now one library per CPU variant
; and GPU API (ggml-cpu-haswell.dll, ggml-vulkan.dll, ...), which Wren finds by listing the
; folder, so a stale ggml-cpu.dll must not stay next to them.
Type: files; Name: "{app}\_internal\llama_cpp\lib\*.dll"

[Files]
; The bundle, including _internal\llama_cpp\lib: llama.dll, ggml.dll, ggml-base.dll, every
; x86-64 CPU variant (ggml-cpu-x64.dll ... ggml-cpu-sapphirerapids.dll) and ggml-vulkan.dll
; when built by `python installers/build.py windows --llama full` (Vulkan SDK on the build
; machine). vulkan-1.dll is not shipped: the GPU driver installs it; without it Wren runs on the
; CPU. CUDA is a separate add-on (docs/installers.md).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Wren"; Filename: "{app}\Wren.exe"; Comment: "Offline chat with small language models"
Name: "{autodesktop}\Wren"; Filename: "{app}\Wren.exe"; Tasks: desktopicon

[Registry]
; A context-menu verb under SystemFileAssociations adds "Summarize with Wren" without taking
; over the default program for the type. Per-user (HKA = HKCU for a non-admin install).
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.pdf\shell\WrenSummarize"; ValueType: string; ValueName: ""; ValueData: "Summarize with Wren"; Flags: uninsdeletekey; Tasks: summarize
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.pdf\shell\WrenSummarize"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\Wren.exe,0"; Tasks: summarize
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.pdf\shell\WrenSummarize\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Wren.exe"" ""%1"""; Tasks: summarize
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.docx\shell\WrenSummarize"; ValueType: string; ValueName: ""; ValueData: "Summarize with Wren"; Flags: uninsdeletekey; Tasks: summarize
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.docx\shell\WrenSummarize"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\Wren.exe,0"; Tasks: summarize
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.docx\shell\WrenSummarize\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Wren.exe"" ""%1"""; Tasks: summarize
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.txt\shell\WrenSummarize"; ValueType: string; ValueName: ""; ValueData: "Summarize with Wren"; Flags: uninsdeletekey; Tasks: summarize
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.txt\shell\WrenSummarize"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\Wren.exe,0"; Tasks: summarize
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.txt\shell\WrenSummarize\command"; ValueType: string; ValueName: ""; ValueData: """{app}\Wren.exe"" ""%1"""; Tasks: summarize
; "Open with" list entry.
Root: HKA; Subkey: "Software\Classes\Applications\Wren.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Wren"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\Wren.exe\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Wren.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\Wren.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""

[Run]
Filename: "{app}\Wren.exe"; Description: "{cm:LaunchProgram,Wren}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files Wren may write next to itself (none expected; PyInstaller apps write no .pyc).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
// User data lives in %LOCALAPPDATA%\Wren (platformdirs.user_data_dir("Wren", appauthor=False)).
// Keep it unless the user explicitly asks; silent uninstalls always keep it, except with
// /PURGEDATA on the uninstaller's command line.
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\Wren');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Purge: Boolean;
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) then
  begin
    Purge := Pos('/PURGEDATA', UpperCase(GetCmdTail())) > 0;
    if (not Purge) and (not UninstallSilent()) then
      Purge := MsgBox('Also delete your Wren conversations and downloaded models?' + #13#10 +
                      '(' + DataDir() + ')' + #13#10#13#10 +
                      'Choose No to keep them for a later reinstall.',
                      mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
    if Purge then
      DelTree(DataDir(), True, True, True);
  end;
end;
