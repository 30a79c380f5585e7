/**
 * The "near me" button of "Find a committee" and of the events' search: shown only where the
 * browser can locate, it searches from the visitor's position, at the address of the button's
 * form with the form's other filters kept (not the postal code it replaces). A few hundred
 * bytes, served on its own and loaded by those pages only. The position is rounded to about a
 * kilometre: it is all a search needs, and the address it travels in ends up in logs.
 */
export const nearMeScript = `(function(){
var b=document.querySelector('[data-near-me]');
if(!b||!navigator.geolocation)return;
var s=document.querySelector('[data-near-me-status]');
b.hidden=false;
b.addEventListener('click',function(){
if(b.getAttribute('aria-busy')==='true')return;
b.setAttribute('aria-busy','true');
if(s)s.textContent=b.getAttribute('data-locating');
navigator.geolocation.getCurrentPosition(function(p){
var f=b.form,q=new URLSearchParams();
if(f)new FormData(f).forEach(function(v,k){if(k!=='place'&&typeof v==='string'&&v)q.set(k,v);});
q.set('lat',p.coords.latitude.toFixed(2));
q.set('lng',p.coords.longitude.toFixed(2));
location.assign(((f&&f.getAttribute('action'))||'/committees')+'?'+q);
},function(){
b.removeAttribute('aria-busy');
if(s)s.textContent=b.getAttribute('data-denied');
},{enableHighAccuracy:false,timeout:15000,maximumAge:600000});
});
})();
`;
